package dev.corssuite.suite.oracle;

import dev.corssuite.suite.table.Verdict;

import java.util.List;
import java.util.Set;

/**
 * What the Fetch standard says happens to a request (the last of a sequence): the verdict, whether a preflight and
 * the request reach a server, the first preflight's {@code Access-Control-Request-Headers}, the status and
 * readable headers, the requests that arrive ({@code hops}, redirects included), how many preflights and requests
 * the whole sequence sends, the Origin each preflight of the last request carries, and why.
 */
public record Prediction(Verdict verdict, boolean preflight, boolean reached, String requestHeaders, Integer status,
                         Set<String> readable, List<OracleHop> hops, int preflights, int requests,
                         boolean preflightCookie, List<String> preflightOrigins, List<String> reasons) {
    public Prediction {
        readable = Set.copyOf(readable);
        hops = List.copyOf(hops);
        preflightOrigins = List.copyOf(preflightOrigins);
        reasons = List.copyOf(reasons);
    }

    /** The method the last request arrived with, null when none arrived. */
    public String method() {
        return hops.isEmpty() ? null : hops.get(hops.size() - 1).method();
    }

    /** Whether the last request that arrived carried the case's cookie, null when none arrived. */
    public Boolean cookie() {
        return hops.isEmpty() ? null : hops.get(hops.size() - 1).cookie();
    }
}
