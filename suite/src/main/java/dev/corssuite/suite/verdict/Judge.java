package dev.corssuite.suite.verdict;

import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.table.Verdict;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Joins the page's result with the server's record. JavaScript cannot tell a CORS block from a network error, so
 * the stage a request failed at comes from what reached the server.
 */
public final class Judge {
    private Judge() {
    }

    public static Observation observe(ProbeResult page, List<RecordedRequest> journal) {
        boolean preflight = journal.stream().anyMatch(r -> r.kind() == RequestKind.PREFLIGHT);
        boolean actual = journal.stream().anyMatch(r -> r.kind() == RequestKind.ACTUAL);
        String requestHeaders = journal.stream().filter(r -> r.kind() == RequestKind.PREFLIGHT).findFirst()
                .map(r -> r.header("Access-Control-Request-Headers").orElse("")).orElse(null);
        Verdict verdict;
        if (page.timedOut()) {
            verdict = Verdict.TIMEOUT;
        } else if (!page.rejected()) {
            verdict = "opaque".equals(page.type()) ? Verdict.OPAQUE : Verdict.ALLOWED;
        } else if (actual) {
            verdict = Verdict.BLOCKED_AT_RESPONSE;
        } else if (preflight) {
            verdict = Verdict.BLOCKED_AT_PREFLIGHT;
        } else {
            verdict = Verdict.NOT_SENT;
        }
        Set<String> readable = page.readable().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new Observation(verdict, preflight, actual, requestHeaders, page.rejected() ? null : page.status(),
                readable, page, journal);
    }
}
