package dev.corssuite.suite.verify.policy;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a serialized origin ({@code scheme://host[:port]}, the host a name, an IPv4 address or a bracketed IPv6
 * address) and says precisely why a string is not one the way browsers send it in {@code Origin}.
 */
public final class OriginSyntax {
    private static final Pattern SHAPE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]*)://(\\[[^\\]/?#]*\\]|[^/?#:\\[\\]]*)(?::([^/?#]*))?(.*)");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]+");

    /** An origin's parts; {@code port} is -1 for the scheme's default, an IPv6 {@code host} keeps its brackets. */
    public record Parts(String scheme, String host, int port) {
        public String serialize() {
            return scheme + "://" + host + (port < 0 ? "" : ":" + port);
        }
    }

    /** The parts, or why {@code text} is not a serialized origin as browsers write it (with the form they send). */
    public record Read(Optional<Parts> parts, Optional<String> problem) {
        static Read ok(Parts parts) {
            return new Read(Optional.of(parts), Optional.empty());
        }

        static Read bad(String problem) {
            return new Read(Optional.empty(), Optional.of(problem));
        }
    }

    private OriginSyntax() {
    }

    static Optional<Parts> parse(String origin) {
        return read(origin, false).parts();
    }

    static Parts parts(String origin) {
        return read(origin, true).parts().orElseThrow(() -> new IllegalArgumentException(origin));
    }

    /** Why {@code text} is not a serialized origin the way browsers write it; empty when it is one. */
    static Optional<String> problem(String text, boolean wildcardLabelAllowed) {
        return read(text, wildcardLabelAllowed).problem();
    }

    /**
     * The one parser: {@code wildcardLabelAllowed} admits a leading {@code *.} label (policy patterns). Upper case,
     * default ports, non-ASCII and non-canonical IPv6 hosts are refused with the exact text browsers send instead.
     */
    public static Read read(String text, boolean wildcardLabelAllowed) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Read.bad("is not an origin: write scheme://host[:port], e.g. https://app.example.com");
        }
        String scheme = m.group(1);
        String host = m.group(2);
        String port = m.group(3);
        String rest = m.group(4);
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        if (!lowerScheme.equals("http") && !lowerScheme.equals("https")) {
            return Read.bad("scheme '" + scheme + "' is not http or https");
        }
        if (port != null && port.contains(":")) {
            return Read.bad("has an IPv6 address without brackets; browsers send it in brackets, as in "
                    + lowerScheme + "://[::1]:3000");
        }
        Optional<String> asciiHost = browserHost(host);
        if (asciiHost.isEmpty()) {
            return Read.bad("host '" + host + "' is not a valid " + (host.startsWith("[") ? "IPv6 address"
                    : "international domain name"));
        }
        int number = port == null || !port.matches("\\d{1,5}") ? -1 : Integer.parseInt(port);
        boolean defaultPort = (lowerScheme.equals("http") && number == 80) || (lowerScheme.equals("https")
                && number == 443);
        String sent = new Parts(lowerScheme, asciiHost.get(), port == null || defaultPort ? -1 : number).serialize();
        if (!scheme.equals(lowerScheme)) {
            return Read.bad("has an upper-case scheme; browsers send it in lower case: " + sent);
        }
        if (!rest.isEmpty()) {
            String what = rest.equals("/") ? "a trailing slash" : rest.startsWith("/") ? "a path ('" + rest + "')"
                    : rest.startsWith("?") ? "a query ('" + rest + "')" : "a fragment ('" + rest + "')";
            return Read.bad("has " + what + "; an origin has none, browsers send " + sent);
        }
        if (host.isEmpty()) {
            return Read.bad("has no host");
        }
        if (port != null && (number < 1 || number > 65535)) {
            return Read.bad("port '" + port + "' is not a number from 1 to 65535");
        }
        if (host.startsWith("[")) {
            if (!host.equals(asciiHost.get())) {
                return Read.bad("writes the IPv6 address differently from browsers, which send " + sent);
            }
        } else if (!host.chars().allMatch(c -> c < 128)) {
            return Read.bad("has a non-ASCII host; browsers send its punycode form: " + sent);
        } else if (!host.equals(host.toLowerCase(Locale.ROOT))) {
            return Read.bad("has upper-case letters; browsers send the host in lower case: " + sent);
        }
        if (defaultPort) {
            return Read.bad("names the default port " + number + "; browsers leave it out and send " + sent);
        }
        if (!host.startsWith("[")) {
            Optional<String> label = labelProblem(host, wildcardLabelAllowed);
            if (label.isPresent()) {
                return Read.bad(label.get());
            }
        }
        return Read.ok(new Parts(scheme, host, number));
    }

    /** The host as a browser serializes it: lower-case punycode, or the compressed IPv6 form; empty if invalid. */
    private static Optional<String> browserHost(String host) {
        if (!host.startsWith("[")) {
            try {
                return Optional.of(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String literal = host.substring(1, host.length() - 1);
        if (!literal.contains(":") || !IPV6_TEXT.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            // A literal with ':' is parsed, never looked up.
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (InetAddress.getByName(literal) instanceof Inet4Address) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            return Optional.of("[" + ipv6Serialized(bytes) + "]");
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The URL Standard's IPv6 serializer: lower-case hex, the first longest run of two or more zero pieces as ::. */
    static String ipv6Serialized(byte[] address) {
        int[] pieces = new int[8];
        for (int i = 0; i < 8; i++) {
            pieces[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && pieces[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(pieces[i])).append(i < 7 ? ":" : "");
        }
        return out.toString();
    }

    private static Optional<String> labelProblem(String host, boolean wildcardLabelAllowed) {
        String[] labels = host.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals("*")) {
                if (!wildcardLabelAllowed || i != 0) {
                    return Optional.of("'*' may only be the whole first label, as in https://*.example.com");
                }
                if (labels.length < 3) {
                    return Optional.of("'*." + host.substring(2) + "' is too broad: a pattern needs a domain of at "
                            + "least two labels after '*.'");
                }
                continue;
            }
            if (labels[i].contains("*")) {
                return Optional.of("'*' may only be the whole first label, as in https://*.example.com");
            }
            if (!LABEL.matcher(labels[i]).matches()) {
                return Optional.of("host '" + host + "' is not a valid host name (label '" + labels[i] + "')");
            }
        }
        return Optional.empty();
    }
}
