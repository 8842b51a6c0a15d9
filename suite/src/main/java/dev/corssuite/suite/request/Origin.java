package dev.corssuite.suite.request;

import java.util.Locale;
import java.util.Objects;

/**
 * A tuple origin: scheme, host (lowercase; an IPv6 literal keeps its brackets) and port (always set: the scheme's
 * default when the URL names none). {@link #serialize()} writes it as browsers send it in {@code Origin}. Host names
 * are taken as written (no {@link java.net.URI}: it drops hosts with "_", which look-alike origins use).
 */
public record Origin(String scheme, String host, int port) {
    /** How an opaque origin serializes (sandboxed frames, data: documents). */
    public static final String OPAQUE = "null";

    public Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    /** The scheme's default port (http/ws 80, https/wss 443), -1 for others. */
    public static int defaultPort(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }

    /**
     * The origin of an absolute URL ({@code scheme://[userinfo@]host[:port][/path...]}); throws
     * IllegalArgumentException saying what is wrong.
     */
    public static Origin ofUrl(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("'" + url + "' has no scheme://");
        }
        String rest = url.substring(schemeEnd + 3);
        int end = firstOf(rest, "/?#");
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        return fromAuthority(url.substring(0, schemeEnd), authority, url);
    }

    private static Origin fromAuthority(String scheme, String authority, String whole) {
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + whole + "': unclosed IPv6 literal '" + authority + "'");
            }
            host = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("'" + whole + "': unexpected '" + after + "' after the host");
                }
                portText = after.substring(1);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty() || host.equals("[]")) {
            throw new IllegalArgumentException("'" + whole + "' has no host");
        }
        int port = defaultPort(scheme);
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'" + whole + "': port '" + portText
                        + "' is not a number from 1 to 65535");
            }
        }
        if (port < 0) {
            throw new IllegalArgumentException("'" + whole + "': scheme '" + scheme
                    + "' has no default port; name one");
        }
        return new Origin(scheme, host, port);
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** The serialized origin of a URL, or {@value #OPAQUE} unchanged. */
    public static String serializedOf(String url) {
        return url.equals(OPAQUE) ? OPAQUE : ofUrl(url).serialize();
    }

    public boolean hasDefaultPort() {
        return port == defaultPort(scheme);
    }

    public boolean secure() {
        return scheme.equals("https") || scheme.equals("wss");
    }

    /** As browsers send it in {@code Origin}: {@code scheme://host} plus {@code :port} unless it is the default. */
    public String serialize() {
        return scheme + "://" + host + (hasDefaultPort() ? "" : ":" + port);
    }

    /** {@code host:port}, the port always written (as a proxy's CONNECT names it). */
    public String authority() {
        return host + ":" + port;
    }

    /** The same host and port reached with another scheme. */
    public Origin withScheme(String otherScheme) {
        return new Origin(otherScheme, host, port);
    }

    @Override
    public String toString() {
        return serialize();
    }
}
