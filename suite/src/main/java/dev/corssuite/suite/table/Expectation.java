package dev.corssuite.suite.table;

import java.util.List;

/**
 * What the row expects. Null fields are not checked; {@code requestHeaders} empty means the preflight carries no
 * {@code Access-Control-Request-Headers}.
 */
public record Expectation(
        Verdict verdict,
        Boolean preflight,
        Boolean reached,
        String requestHeaders,
        Integer status,
        List<String> readable,
        List<String> unreadable) {

    public Expectation {
        readable = List.copyOf(readable);
        unreadable = List.copyOf(unreadable);
    }
}
