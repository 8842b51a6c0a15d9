package dev.corssuite.suite.verdict;

import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.table.Verdict;

import java.util.List;
import java.util.Set;

/**
 * What happened to one case in one browser: the verdict and the facts behind it. {@code requestHeaders} is the
 * preflight's {@code Access-Control-Request-Headers}, empty when the preflight had none, null without a preflight.
 */
public record Observation(
        Verdict verdict,
        boolean preflightSent,
        boolean actualReached,
        String requestHeaders,
        Integer status,
        Set<String> readable,
        ProbeResult page,
        List<RecordedRequest> journal) {

    public Observation {
        readable = Set.copyOf(readable);
        journal = List.copyOf(journal);
    }
}
