package dev.corssuite.suite.verify.policy;

/**
 * One entry of the policy's {@code origins}: an exact serialized origin, a pattern whose leading {@code *.} stands for
 * one or more labels ({@code https://*.example.com} matches {@code https://a.b.example.com}, not
 * {@code https://example.com}), or {@code *} for any origin.
 */
public record AllowedOrigin(String text, Kind kind, String scheme, String host, int port) {
    public enum Kind { EXACT, SUBDOMAINS, ANY }

    /** Whether a serialized origin (as a browser sends it in {@code Origin}) is covered. */
    public boolean matches(String origin) {
        return switch (kind) {
            case ANY -> true;
            case EXACT -> text.equals(origin);
            case SUBDOMAINS -> {
                var parsed = OriginSyntax.parse(origin);
                yield parsed.isPresent() && parsed.get().scheme().equals(scheme) && parsed.get().port() == port
                        && parsed.get().host().endsWith("." + host);
            }
        };
    }

    /** An origin this entry allows, to send requests from: the origin itself, or a subdomain for a pattern. */
    public String example() {
        return switch (kind) {
            case ANY -> "https://anyone.cors-suite.test";
            case EXACT -> text;
            case SUBDOMAINS -> origin(scheme, "cors-suite-sub." + host, port);
        };
    }

    /** The host a look-alike is built from: the origin's host, or the pattern's base domain. */
    public String baseHost() {
        return host;
    }

    public static String origin(String scheme, String host, int port) {
        return scheme + "://" + host + (port < 0 ? "" : ":" + port);
    }
}
