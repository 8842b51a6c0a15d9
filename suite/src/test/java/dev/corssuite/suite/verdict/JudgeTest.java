package dev.corssuite.suite.verdict;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.table.Expectation;
import dev.corssuite.suite.table.Verdict;
import org.testng.annotations.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

public class JudgeTest {
    private static final ProbeResult READ = new ProbeResult("t", false, false, null, 200, "cors",
            Map.of("Content-Type", "text/plain", "x-a", "1"), "body", 3);
    private static final ProbeResult FAILED = new ProbeResult("t", true, false, "TypeError: Failed to fetch", null,
            null, null, null, 3);
    private static final ProbeResult TIMED_OUT = new ProbeResult("t", true, true, "AbortError", null, null, null,
            null, 500);

    private static RecordedRequest preflight(String requestHeaders) {
        List<HeaderLine> headers = requestHeaders == null ? List.of(new HeaderLine("Access-Control-Request-Method", "PUT"))
                : List.of(new HeaderLine("Access-Control-Request-Method", "PUT"),
                        new HeaderLine("Access-Control-Request-Headers", requestHeaders));
        return new RecordedRequest("t", OriginRole.CROSS_PORT, RequestKind.PREFLIGHT, "OPTIONS", "/cors/t", "",
                headers, Instant.now());
    }

    private static final RecordedRequest ACTUAL = new RecordedRequest("t", OriginRole.CROSS_PORT, RequestKind.ACTUAL,
            "PUT", "/cors/t", "", List.of(), Instant.now());

    @Test
    public void aMultiRequestCaseIsJudgedOnItsLastRequestAndCountedWhole() {
        Instant first = Instant.parse("2026-01-01T00:00:00.010Z");
        Instant second = Instant.parse("2026-01-01T00:00:00.100Z");
        var cookie = List.of(new HeaderLine("Cookie", "other=1; case=t"));
        List<RecordedRequest> journal = List.of(
                new RecordedRequest("t", OriginRole.CROSS_PORT, RequestKind.PREFLIGHT, "OPTIONS", "/cors/t", "",
                        List.of(), first),
                new RecordedRequest("t", OriginRole.CROSS_PORT, RequestKind.ACTUAL, "PUT", "/cors/t", "", List.of(),
                        first),
                new RecordedRequest("t", OriginRole.PAGE, RequestKind.MARK, "GET", "/mark/t", "", List.of(), second),
                new RecordedRequest("t", OriginRole.CROSS_PORT, RequestKind.ACTUAL, "PUT", "/cors/t", "", cookie,
                        second));
        var earlier = new ProbeResult("t", false, false, null, 200, "cors", Map.of(), "", 1, first.toEpochMilli(),
                null, List.of());
        var last = new ProbeResult("t", false, false, null, 200, "cors", Map.of(), "", 1, 50 + first.toEpochMilli(),
                null, List.of(earlier));
        Observation o = Judge.observe(last, journal);
        assertEquals(o.verdict(), Verdict.ALLOWED);
        assertEquals(o.preflightSent(), false, "the second request used the cache");
        assertEquals(o.preflights(), 1);
        assertEquals(o.requests(), 2);
        assertEquals(o.cookie(), Boolean.TRUE);
        assertEquals(o.preflightCookie(), false);
        assertEquals(o.hops().size(), 1);
    }

    @Test
    public void readableResponseIsAllowedWithItsFacts() {
        Observation o = Judge.observe(READ, List.of(preflight("x-a,x-b"), ACTUAL));
        assertEquals(o.verdict(), Verdict.ALLOWED);
        assertTrue(o.preflightSent());
        assertTrue(o.actualReached());
        assertEquals(o.requestHeaders(), "x-a,x-b");
        assertEquals(o.status(), Integer.valueOf(200));
        assertEquals(o.readable(), java.util.Set.of("content-type", "x-a"));
    }

    @Test
    public void theStageOfARejectionComesFromTheServerRecord() {
        assertEquals(Judge.observe(FAILED, List.of(preflight(null))).verdict(), Verdict.BLOCKED_AT_PREFLIGHT);
        assertEquals(Judge.observe(FAILED, List.of(preflight(null), ACTUAL)).verdict(), Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(Judge.observe(FAILED, List.of(ACTUAL)).verdict(), Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(Judge.observe(FAILED, List.of()).verdict(), Verdict.NOT_SENT);
        assertEquals(Judge.observe(TIMED_OUT, List.of(ACTUAL)).verdict(), Verdict.TIMEOUT);
    }

    @Test
    public void requestHeadersAreEmptyWhenThePreflightHadNoneAndNullWithoutPreflight() {
        assertEquals(Judge.observe(FAILED, List.of(preflight(null))).requestHeaders(), "");
        assertNull(Judge.observe(FAILED, List.of(ACTUAL)).requestHeaders());
    }

    @Test
    public void comparisonNamesEachDifference() {
        Observation o = Judge.observe(READ, List.of(preflight("x-a"), ACTUAL));
        var expected = new Expectation(Verdict.BLOCKED_AT_PREFLIGHT, false, true, "x-b", 204, List.of("x-c"),
                List.of("x-a"));
        List<String> differences = Comparison.differences(expected, o);
        assertEquals(differences.size(), 6, differences.toString());
        assertTrue(differences.get(0).startsWith("verdict: expected BLOCKED_AT_PREFLIGHT, got ALLOWED"));
        assertTrue(differences.stream().anyMatch(d -> d.contains("'x-b', got 'x-a'")));
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("header x-c: expected readable")));
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("header x-a: expected unreadable")));
    }

    @Test
    public void uncheckedFactsDoNotDiffer() {
        Observation o = Judge.observe(READ, List.of(ACTUAL));
        var expected = new Expectation(Verdict.ALLOWED, null, null, null, null, List.of(), List.of());
        assertTrue(Comparison.differences(expected, o).isEmpty());
    }
}
