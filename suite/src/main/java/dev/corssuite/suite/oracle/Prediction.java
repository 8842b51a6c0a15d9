package dev.corssuite.suite.oracle;

import dev.corssuite.suite.table.Verdict;

import java.util.List;
import java.util.Set;

/**
 * What the Fetch standard says happens to one request: the verdict, whether a preflight and the request reach the
 * server, the preflight's {@code Access-Control-Request-Headers}, the status and readable headers, and why.
 */
public record Prediction(Verdict verdict, boolean preflight, boolean reached, String requestHeaders, Integer status,
                         Set<String> readable, List<String> reasons) {
    public Prediction {
        readable = Set.copyOf(readable);
        reasons = List.copyOf(reasons);
    }
}
