package dev.corssuite.suite.verdict;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.facts.Facts;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.runner.TrafficSource;
import org.testng.annotations.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

public class JudgeTest {
    /** Places by role, as the embedded origins' journal names them. */
    private static final TrafficSource NAMES = new TrafficSource() {
        @Override
        public List<RecordedRequest> requests(String id) {
            return List.of();
        }

        @Override
        public String placeOf(RecordedRequest request) {
            return request.receivedBy().fileName();
        }
    };

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

    /** The last request's preflights are observed hops with every header value; an expected hop matches values by regex. */
    @Test
    public void preflightsAreObservedWithTheirHeaderValues() {
        var withAccept = new RecordedRequest("t", OriginRole.CROSS_PORT, RequestKind.PREFLIGHT, "OPTIONS", "/cors/t",
                "", List.of(new HeaderLine("Accept", "*/*"), new HeaderLine("Access-Control-Request-Method", "PUT"),
                new HeaderLine("Access-Control-Request-Headers", "x-b")), Instant.now());
        Observation o = Judge.observe(READ, List.of(withAccept, ACTUAL), NAMES);
        var seen = o.facts().preflightHops();
        assertEquals(seen.size(), 1);
        assertEquals(seen.get(0).values().get("access-control-request-headers"), "x-b");
        var expected = new dev.corssuite.suite.facts.Hop("cross-port", "OPTIONS", null, List.of(), List.of("x-b"),
                Map.of("accept", "[*]/[*]", "access-control-request-method", "PUT"));
        assertTrue(expected.accepts(seen.get(0)));
        var wrongAccept = new dev.corssuite.suite.facts.Hop("cross-port", "OPTIONS", null, List.of(), List.of(),
                Map.of("accept", "application/json"));
        assertTrue(!wrongAccept.accepts(seen.get(0)));
        var carriesValue = new dev.corssuite.suite.facts.Hop("cross-port", "OPTIONS", null, List.of(),
                List.of("access-control-request-headers"), Map.of());
        assertTrue(!carriesValue.accepts(seen.get(0)));
    }

    /** An element that loaded but whose content script may not use is OPAQUE, and says so; one that failed is not. */
    @Test
    public void aTaintedLoadIsOpaqueAndAFailedOneStatesNoTainting() {
        var image = new ProbeResult("t", false, false, "SecurityError: tainted", null, "opaque", Map.of(), null, 3, 0,
                null, List.of(), null, true);
        Observation loaded = Judge.observe(image, List.of(ACTUAL), NAMES);
        assertEquals(loaded.verdict(), Verdict.OPAQUE);
        assertEquals(loaded.facts().tainted(), Boolean.TRUE);
        assertEquals(loaded.facts().status(), null);
        var refused = new ProbeResult("t", true, false, "img error event", null, null, Map.of(), null, 3, 0, null,
                List.of(), null, false);
        Observation blocked = Judge.observe(refused, List.of(ACTUAL), NAMES);
        assertEquals(blocked.verdict(), Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(blocked.facts().tainted(), null);
    }

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
                null, List.of(), null, null);
        var last = new ProbeResult("t", false, false, null, 200, "cors", Map.of(), "", 1, 50 + first.toEpochMilli(),
                null, List.of(earlier), null, null);
        Observation o = Judge.observe(last, journal, NAMES);
        assertEquals(o.verdict(), Verdict.ALLOWED);
        assertEquals(o.facts().preflight(), false, "the second request used the cache");
        assertEquals(o.facts().preflights(), 1);
        assertEquals(o.facts().requests(), 2);
        assertEquals(o.facts().cookie(), Boolean.TRUE);
        assertEquals(o.facts().preflightCookie(), false);
        assertEquals(o.facts().hops().size(), 1);
    }

    @Test
    public void readableResponseIsAllowedWithItsFacts() {
        Observation o = Judge.observe(READ, List.of(preflight("x-a,x-b"), ACTUAL), NAMES);
        assertEquals(o.verdict(), Verdict.ALLOWED);
        assertTrue(o.facts().preflight());
        assertTrue(o.facts().reached());
        assertEquals(o.facts().requestHeaders(), "x-a,x-b");
        assertEquals(o.facts().status(), Integer.valueOf(200));
        assertEquals(o.facts().readable(), java.util.Set.of("content-type", "x-a"));
    }

    @Test
    public void theStageOfARejectionComesFromTheServerRecord() {
        assertEquals(Judge.observe(FAILED, List.of(preflight(null)), NAMES).verdict(), Verdict.BLOCKED_AT_PREFLIGHT);
        assertEquals(Judge.observe(FAILED, List.of(preflight(null), ACTUAL), NAMES).verdict(), Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(Judge.observe(FAILED, List.of(ACTUAL), NAMES).verdict(), Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(Judge.observe(FAILED, List.of(), NAMES).verdict(), Verdict.NOT_SENT);
        assertEquals(Judge.observe(TIMED_OUT, List.of(ACTUAL), NAMES).verdict(), Verdict.TIMEOUT);
    }

    @Test
    public void requestHeadersAreEmptyWhenThePreflightHadNoneAndNullWithoutPreflight() {
        assertEquals(Judge.observe(FAILED, List.of(preflight(null)), NAMES).facts().requestHeaders(), "");
        assertNull(Judge.observe(FAILED, List.of(ACTUAL), NAMES).facts().requestHeaders());
    }

    @Test
    public void comparisonNamesEachDifference() {
        Observation o = Judge.observe(READ, List.of(preflight("x-a"), ACTUAL), NAMES);
        var expected = new Facts(Verdict.BLOCKED_AT_PREFLIGHT, false, true, "x-b", 204, Set.of("x-c"),
                Set.of("x-a"), null, null, null, null, null, null, null, null);
        List<String> differences = o.differencesFrom(expected);
        assertEquals(differences.size(), 6, differences.toString());
        assertTrue(differences.get(0).startsWith("verdict: expected BLOCKED_AT_PREFLIGHT, got ALLOWED"));
        assertTrue(differences.stream().anyMatch(d -> d.contains("'x-b', got 'x-a'")));
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("header x-c: expected readable")));
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("header x-a: expected unreadable")));
    }

    @Test
    public void uncheckedFactsDoNotDiffer() {
        Observation o = Judge.observe(READ, List.of(ACTUAL), NAMES);
        assertTrue(o.differencesFrom(Facts.verdictOnly(Verdict.ALLOWED)).isEmpty());
    }
}
