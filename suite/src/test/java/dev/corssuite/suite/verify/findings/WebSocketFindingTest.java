package dev.corssuite.suite.verify.findings;

import dev.corssuite.suite.facts.Verdict;
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
                    handshakeStatus.apply(r), List.of(), null, 1)), intent, Map.of(), Map.of(), null));
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
}
