package dev.corssuite.suite.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "CORS-preflight cache": entries per (origin, URL, credentials, one method or one header name) with a max-age.
 * An entry made with credentials also serves requests without; one made without does not serve credentialed ones.
 * Time is the oracle's own clock, in milliseconds.
 */
final class PreflightCache {
    private record Entry(String origin, String url, boolean credentials, String method, String header,
                         long expiresAt) {
    }

    private final List<Entry> entries = new ArrayList<>();

    private boolean matches(Entry e, String origin, String url, boolean include, long now) {
        return now < e.expiresAt && e.origin.equals(origin) && e.url.equals(url) && (e.credentials || !include);
    }

    boolean methodMatch(String origin, String url, boolean include, String method, long now) {
        return entries.stream().anyMatch(e -> e.method != null && matches(e, origin, url, include, now)
                && (e.method.equals(method) || e.method.equals("*")));
    }

    boolean headerMatch(String origin, String url, boolean include, String name, long now) {
        return entries.stream().anyMatch(e -> e.header != null && matches(e, origin, url, include, now)
                && (e.header.equalsIgnoreCase(name) || (e.header.equals("*") && !name.equals("authorization"))));
    }

    /** Stores what a passed preflight allowed; a max-age of 0 stores nothing that lasts. */
    void store(String origin, String url, boolean include, List<String> methods, List<String> headers,
               long maxAgeSeconds, long now) {
        long expiresAt = now + maxAgeSeconds * 1000;
        for (String method : methods) {
            entries.removeIf(e -> method.equals(e.method) && matches(e, origin, url, include, now));
            entries.add(new Entry(origin, url, include, method, null, expiresAt));
        }
        for (String header : headers) {
            String name = header.toLowerCase(Locale.ROOT);
            entries.removeIf(e -> name.equals(e.header) && matches(e, origin, url, include, now));
            entries.add(new Entry(origin, url, include, null, name, expiresAt));
        }
    }
}
