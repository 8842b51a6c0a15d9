package dev.corssuite.suite.verify;

import dev.corssuite.suite.verify.direct.DirectBatch;
import dev.corssuite.suite.verify.direct.DirectProbe;
import dev.corssuite.suite.verify.direct.LoadSignal;
import dev.corssuite.suite.verify.direct.RawAnswer;
import dev.corssuite.suite.verify.matrix.PlannedRequest;
import dev.corssuite.suite.verify.matrix.RequestMatrix;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The browser-free requests against real nginx configurations that limit load (few worker connections behind a
 * proxy location; limit_req and limit_conn): whatever the target refuses under the suite's load is sent again
 * alone and answered, and reported as the target limiting the load, never as the server's answer.
 */
public class PoliteLoadTest {
    private CorsPolicy policy;
    private List<PlannedRequest> matrix;

    @BeforeClass
    public void matrix() {
        policy = PolicyLoader.load(ServerVerificationTest.EXAMPLE_POLICY, ServerVerificationTest.EXAMPLE_POLICY
                .getParent().getParent().resolve("schema").resolve("cors-policy.schema.json"));
        matrix = RequestMatrix.derive(policy);
    }

    private DirectBatch.Result send(URI target, int maxConnections) {
        return new DirectBatch(new DirectProbe(target, policy.timeoutMs()), maxConnections)
                .send(matrix, r -> TargetVerification.pathWithId(r, "direct-" + r.id()));
    }

    /** Every answer is an ordinary one (no failure, no 429/503): what the CORS configuration says. */
    private void assertEveryAnswerIsTheServers(DirectBatch.Result result) {
        assertEquals(result.answers().size(), matrix.size());
        result.answers().forEach((id, a) -> {
            for (RawAnswer answer : a.preflight() == null ? List.of(a.actual()) : List.of(a.preflight(), a.actual())) {
                assertTrue(answer.answered() && LoadSignal.of(answer).isEmpty(), id + ": " + answer);
            }
        });
        assertEquals(result.load().stillLimited(), List.of());
    }

    @Test
    public void fewWorkerConnectionsDropRequestsSentSixtyFourAtOnceAndEachIsAnsweredAlone() throws Exception {
        try (NginxServer nginx = new NginxServer("few-connections")) {
            DirectBatch.Result crowded = send(nginx.url(), 64);
            System.out.println(crowded.load().summary());
            assertTrue(crowded.load().limited(), "64 at once did not exceed 24 worker connections");
            assertTrue(crowded.load().answeredAlone() > 0, crowded.load().toString());
            assertEveryAnswerIsTheServers(crowded);
            DirectBatch.Result polite = send(nginx.url(), DirectBatch.DEFAULT_MAX_CONNECTIONS);
            assertFalse(polite.load().limited(), polite.load().summary());
            assertEveryAnswerIsTheServers(polite);
        }
    }

    @DataProvider
    public Object[][] limits() {
        return new Object[][] {{"rate-limited", LoadSignal.TOO_MANY_REQUESTS}, {"connection-limited",
            LoadSignal.UNAVAILABLE}};
    }

    @Test(dataProvider = "limits")
    public void aRateOrConnectionLimitIsMetWithPacingAndReportedWithItsNumbers(String config, LoadSignal signal)
            throws Exception {
        try (NginxServer nginx = new NginxServer(config)) {
            long started = System.nanoTime();
            DirectBatch.Result result = send(nginx.url(), 8);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            String summary = result.load().summary();
            System.out.println(summary + " (" + seconds + " s)");
            assertTrue(result.load().signals().containsKey(signal), summary);
            assertTrue(summary.startsWith("The target limited the suite's load (" + matrix.size()
                    + " browser-free requests, at most 8 at once): "), summary);
            assertEveryAnswerIsTheServers(result);
            assertTrue(seconds < 60, "took " + seconds + " s");
        }
    }
}
