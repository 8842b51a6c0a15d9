package dev.corssuite.suite.verify.findings;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import dev.corssuite.suite.facts.Facts;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.verdict.Observation;
import dev.corssuite.suite.oracle.Prediction;
import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.verify.RequestOutcome;
import dev.corssuite.suite.verify.direct.DirectAnswers;
import dev.corssuite.suite.verify.direct.RawAnswer;
import dev.corssuite.suite.verify.matrix.PlannedRequest;
import dev.corssuite.suite.verify.matrix.PolicyIntent;
import dev.corssuite.suite.verify.matrix.RequestMatrix;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * An endpoint used {@code as: websocket}: one handshake per origin, the policy intends 101 for its origins only, and
 * a handshake a hostile origin gets opened is cross-site WebSocket hijacking (browser-free answers here, no browser).
 */
public class WebSocketFindingTest {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", ".."));

    private static CorsPolicy policy(boolean credentials) throws IOException {
        Path file = Files.createTempFile("websocket-policy", ".yaml");
        Files.writeString(file, "origins: [https://app.example.com]\nmethods: [GET]\ncredentials: " + credentials
                + "\nendpoints:\n  - {path: /api/items}\n  - {path: /socket, as: websocket}\n");
        try {
            return PolicyLoader.load(file, ROOT.resolve("fixtures").resolve("schema")
                    .resolve("cors-policy.schema.json"));
        } finally {
            Files.delete(file);
        }
    }

    private static List<Finding> findings(CorsPolicy policy, Function<PlannedRequest, Integer> handshakeStatus) {
        List<RequestOutcome> outcomes = new ArrayList<>();
        for (PlannedRequest r : RequestMatrix.derive(policy)) {
            if (r.spec().api() != Initiator.WEBSOCKET) {
                continue;
            }
            Prediction intent = PolicyIntent.predict(policy, r, "http://localhost:8080");
            outcomes.add(new RequestOutcome(r, intent, new DirectAnswers(null, new RawAnswer("GET",
                    handshakeStatus.apply(r), List.of(), null, 1)), intent, Map.of(), Map.of(), null, Map.of()));
        }
        return FindingDetector.detect(policy, outcomes, null, null);
    }

    @Test
    public void oneHandshakePerOriginIntendedOpenForThePolicysOriginsOnly() throws IOException {
        CorsPolicy policy = policy(true);
        List<PlannedRequest> sockets = RequestMatrix.derive(policy).stream()
                .filter(r -> r.spec().api() == Initiator.WEBSOCKET).toList();
        assertEquals(sockets.size(), sockets.stream().map(r -> r.from().origin()).distinct().count());
        for (PlannedRequest r : sockets) {
            Verdict intended = PolicyIntent.predict(policy, r, "http://localhost:8080").verdict();
            assertEquals(intended, r.from().hostile() ? Verdict.BLOCKED_AT_RESPONSE : Verdict.ALLOWED, r.describe());
        }
    }

    @Test
    public void aServerCheckingOriginHasNoFinding() throws IOException {
        CorsPolicy policy = policy(true);
        assertEquals(findings(policy, r -> r.from().hostile() ? 403 : 101), List.of());
    }

    @Test
    public void aServerOpeningEveryHandshakeIsHijackableCriticalWithCredentials() throws IOException {
        List<Finding> withCredentials = findings(policy(true), r -> 101);
        assertEquals(withCredentials.size(), 1, withCredentials.toString());
        Finding hijacking = withCredentials.get(0);
        assertEquals(hijacking.kind(), FindingKind.WEBSOCKET_HIJACKING);
        assertEquals(Severity.of(hijacking), Severity.CRITICAL);
        assertTrue(hijacking.evidence().stream().anyMatch(line -> line.startsWith("GET /socket as websocket with "
                + "Origin: https://attacker.cors-suite.test") && line.contains("handshake -> 101")), hijacking.toString());
        assertTrue(hijacking.evidence().stream().anyMatch(line -> line.contains("Origin: null")), hijacking.toString());
        assertTrue(hijacking.evidence().stream().noneMatch(line -> line.contains("Origin: https://app.example.com ")
                || line.contains("Origin: https://app.example.com:")), hijacking.toString());

        Finding withoutCredentials = findings(policy(false), r -> 101).get(0);
        assertEquals(Severity.of(withoutCredentials), Severity.HIGH);
    }

    /** An engine that opened the socket: its handshake, as the server received it, with or without a Cookie. */
    private static Observation opened(String origin, boolean cookie) {
        List<HeaderLine> headers = new ArrayList<>(List.of(new HeaderLine("Origin", origin),
                new HeaderLine("Upgrade", "websocket")));
        if (cookie) {
            headers.add(new HeaderLine("Cookie", "session=1"));
        }
        return new Observation(Facts.verdictOnly(Verdict.ALLOWED), new ProbeResult("p", false, false, null, null,
                "cors", Map.of(), null, 1), List.of(new RecordedRequest("p", null, RequestKind.ACTUAL, "GET",
                "/socket", null, headers, Instant.now())));
    }

    @Test
    public void eachEngineThatOpenedItIsEvidenceAndACookieMakesItCritical() throws IOException {
        CorsPolicy policy = policy(false);
        List<RequestOutcome> outcomes = new ArrayList<>();
        for (PlannedRequest r : RequestMatrix.derive(policy)) {
            if (r.spec().api() == Initiator.WEBSOCKET && r.from().origin().equals("https://attacker.cors-suite.test")) {
                Prediction intent = PolicyIntent.predict(policy, r, "http://localhost:8080");
                Map<String, Observation> browsers = new java.util.LinkedHashMap<>();
                browsers.put("chromium", opened(r.from().origin(), true));
                browsers.put("firefox", new Observation(Facts.verdictOnly(Verdict.BLOCKED_AT_RESPONSE),
                        new ProbeResult("p", true, false, "WebSocket error event", null, null, Map.of(), null, 1),
                        List.of()));
                browsers.put("webkit", opened(r.from().origin(), false));
                outcomes.add(new RequestOutcome(r, intent, new DirectAnswers(null, new RawAnswer("GET", 403,
                        List.of(), null, 1)), intent, browsers, Map.of(), null, Map.of()));
            }
        }
        List<Finding> found = FindingDetector.detect(policy, outcomes, null, null);
        assertEquals(found.size(), 1, found.toString());
        assertEquals(Severity.of(found.get(0)), Severity.CRITICAL);
        String line = found.get(0).evidence().get(0);
        assertTrue(line.contains("opened in chromium (handshake with Origin: https://attacker.cors-suite.test, "
                + "Cookie), webkit (handshake with Origin: https://attacker.cors-suite.test, no Cookie); "
                + "server (no browser): handshake -> 403"), line);
        assertTrue(line.contains("the handshake carried the visitor's credentials"), line);
    }
}
