package dev.corssuite.suite.table;

import java.util.List;

/**
 * What the row expects. Null fields are not checked; {@code requestHeaders} empty means the preflight carries no
 * {@code Access-Control-Request-Headers}. In a multi-request row, {@code preflights} and {@code requests} count
 * what the whole row sent; every other field is about its last request.
 */
public record Expectation(
        Verdict verdict,
        Boolean preflight,
        Boolean reached,
        String requestHeaders,
        Integer status,
        List<String> readable,
        List<String> unreadable,
        String method,
        List<Hop> hops,
        Integer preflights,
        Integer requests,
        Boolean cookie,
        Boolean preflightCookie,
        List<String> preflightOrigins) {

    public Expectation {
        readable = List.copyOf(readable);
        unreadable = List.copyOf(unreadable);
        hops = hops == null ? null : List.copyOf(hops);
        preflightOrigins = preflightOrigins == null ? null : List.copyOf(preflightOrigins);
    }

    /** The fields of the first version of the table, the others unchecked. */
    public Expectation(Verdict verdict, Boolean preflight, Boolean reached, String requestHeaders, Integer status,
                       List<String> readable, List<String> unreadable) {
        this(verdict, preflight, reached, requestHeaders, status, readable, unreadable, null, null, null, null, null,
                null, null);
    }
}
