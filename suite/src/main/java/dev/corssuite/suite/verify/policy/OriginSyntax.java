package dev.corssuite.suite.verify.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a serialized origin ({@code scheme://host[:port]}) and says precisely why a string is not one. */
final class OriginSyntax {
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#:]*)(?::([^/?#]*))?(.*)");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?");

    record Parts(String scheme, String host, int port) {
    }

    private OriginSyntax() {
    }

    static Optional<Parts> parse(String origin) {
        return problem(origin, false).isEmpty() ? Optional.of(parts(origin)) : Optional.empty();
    }

    static Parts parts(String origin) {
        Matcher m = SHAPE.matcher(origin);
        m.matches();
        return new Parts(m.group(1), m.group(2), m.group(3) == null ? -1 : Integer.parseInt(m.group(3)));
    }

    /** Why {@code text} is not a serialized origin the way browsers write it; empty when it is one. */
    static Optional<String> problem(String text, boolean wildcardLabelAllowed) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.of("is not an origin: write scheme://host[:port], e.g. https://app.example.com");
        }
        String scheme = m.group(1);
        String host = m.group(2);
        String port = m.group(3);
        String rest = m.group(4);
        String bare = scheme.toLowerCase() + "://" + host.toLowerCase() + (port == null ? "" : ":" + port);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("scheme '" + scheme + "' is not http or https");
        }
        if (!rest.isEmpty()) {
            String what = rest.equals("/") ? "a trailing slash" : rest.startsWith("/") ? "a path ('" + rest + "')"
                    : rest.startsWith("?") ? "a query ('" + rest + "')" : "a fragment ('" + rest + "')";
            return Optional.of("has " + what + "; an origin has none, browsers send " + bare);
        }
        if (host.isEmpty()) {
            return Optional.of("has no host");
        }
        if (!host.equals(host.toLowerCase())) {
            return Optional.of("has upper-case letters; browsers send the host in lower case: " + bare);
        }
        if (port != null) {
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return Optional.of("port '" + port + "' is not a number from 1 to 65535");
            }
            int number = Integer.parseInt(port);
            if ((scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443)) {
                return Optional.of("names the default port " + number + "; browsers leave it out and send "
                        + scheme + "://" + host);
            }
        }
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
