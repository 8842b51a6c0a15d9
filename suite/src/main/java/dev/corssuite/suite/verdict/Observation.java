package dev.corssuite.suite.verdict;

import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.table.Hop;
import dev.corssuite.suite.table.Verdict;

import java.util.List;
import java.util.Set;

/**
 * What happened to one case in one browser: the verdict and the facts behind it, about the case's last request.
 * {@code requestHeaders} is the preflight's {@code Access-Control-Request-Headers}, empty when the preflight had
 * none, null without a preflight; {@code method} and {@code cookie} are about the last request that arrived (null
 * when none did); {@code preflightOrigins} are the Origin headers of the last request's preflights ("" when
 * absent); {@code preflights} and {@code requests} count what the whole case sent.
 */
public record Observation(
        Verdict verdict,
        boolean preflightSent,
        boolean actualReached,
        String requestHeaders,
        Integer status,
        Set<String> readable,
        String method,
        List<Hop> hops,
        int preflights,
        int requests,
        Boolean cookie,
        boolean preflightCookie,
        List<String> preflightOrigins,
        ProbeResult page,
        List<RecordedRequest> journal) {

    public Observation {
        readable = Set.copyOf(readable);
        hops = List.copyOf(hops);
        preflightOrigins = List.copyOf(preflightOrigins);
        journal = List.copyOf(journal);
    }
}
