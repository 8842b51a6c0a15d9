package dev.corssuite.suite.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import dev.corssuite.suite.browser.AuthChallenges;
import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.probe.ProbeCase;
import dev.corssuite.suite.request.CredentialsMode;
import dev.corssuite.suite.request.RequestSpec;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The runner's failure isolation without a browser: a session whose page answers as a script tells it to. What a
 * failing batch, a failing case, a proxy fault and a session that cannot restart do to the other jobs.
 */
public class RunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page that answers each batch through {@code page} (batch JSON in, result JSON out), or throws. */
    private static final class ScriptedSession implements BrowserSession {
        private final Function<JsonNode, String> page;
        boolean closed;

        ScriptedSession(Function<JsonNode, String> page) {
            this.page = page;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String drivenBy() {
            return "a test";
        }

        @Override
        public void open(String url) {
        }

        @Override
        public String evaluateAsync(String expression, Duration timeout) {
            if (expression.contains("typeof window.corsProbe")) {
                return "object";
            }
            String argument = expression.substring(expression.indexOf('(') + 1, expression.lastIndexOf(')'));
            try {
                return page.apply(JSON.readTree(JSON.readValue(argument, String.class)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public AuthChallenges authChallenges() {
            return AuthChallenges.unanswerable("a scripted page has no network");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Faults for the ids in {@code faulty}; one request arrived for each id in {@code arrived}. */
    private record Traffic(Set<String> faulty, Set<String> arrived) implements TrafficSource {
        Traffic(Set<String> faulty) {
            this(faulty, Set.of());
        }

        @Override
        public List<RecordedRequest> requests(String id) {
            return arrived.contains(id) ? List.of(new RecordedRequest(id, null, RequestKind.ACTUAL, "GET", "/" + id,
                    null, List.of(), java.time.Instant.now())) : List.of();
        }

        @Override
        public String placeOf(RecordedRequest request) {
            return "target";
        }

        @Override
        public List<String> faults(String id) {
            return faulty.contains(id) ? List.of("upstream reset mid-answer") : List.of();
        }
    }

    /** A fetch job that waits {@code waitsMs} on purpose (0: not at all). */
    private record TestJob(String key, long waitsMs) implements Job {
        @Override
        public String group() {
            return "";
        }

        @Override
        public Staged stage(String engine) {
            return Staged.of(ProbeCase.single(key, "http://x.test/" + key, RequestSpec.fetch("GET", List.of(),
                    CredentialsMode.OMIT, null, 1000), null, false));
        }
    }

    private static Job job(String key) {
        return new TestJob(key, 0);
    }

    private static Job waiting(String key, long ms) {
        return new TestJob(key, ms);
    }

    private static List<Job> jobs(int n) {
        return IntStream.range(0, n).mapToObj(i -> job("j" + i)).toList();
    }

    @Test
    public void jobsThatWaitShareTheFirstBatchLongestFirstAndTheOthersKeepTheirOrder() {
        List<Job> jobs = List.of(job("a"), waiting("w2", 2000), job("b"), job("c"), waiting("w6", 6000), job("d"),
                waiting("w1", 1000));
        List<List<String>> keys = Runner.batches(jobs, 3).stream().map(b -> b.stream().map(Job::key).toList())
                .toList();
        assertEquals(keys, List.of(List.of("w6", "w2", "w1"), List.of("a", "b", "c"), List.of("d")));
    }

    @Test
    public void outcomesComeBackInTheJobsOrderWhateverTheBatches() {
        List<Job> jobs = List.of(job("a"), waiting("w", 500), job("b"));
        Map<String, ProbeOutcome> outcomes;
        try (Runner runner = new Runner(() -> new ScriptedSession(b -> answer(b, Set.of())),
                "http://page.test/probe.html", new Traffic(Set.of()), 2, new Runner.Listener() { })) {
            outcomes = runner.run(jobs);
        }
        assertEquals(List.copyOf(outcomes.keySet()), List.of("a", "w", "b"));
    }

    /** Each case read: status 200, or a probeError for the ids in {@code broken}. */
    private static String answer(JsonNode batch, Set<String> broken) {
        ArrayNode results = JSON.createArrayNode();
        batch.forEach(c -> {
            String id = c.path("id").asText();
            results.add(broken.contains(id) ? JSON.createObjectNode().put("id", id).put("probeError", "it threw")
                    : JSON.createObjectNode().put("id", id).put("rejected", false).put("status", 200)
                    .put("type", "cors"));
        });
        return results.toString();
    }

    @Test
    public void aBatchWhoseScriptCallFailsFailsOnlyItsJobsAndTheSessionIsRestarted() {
        List<ScriptedSession> sessions = new ArrayList<>();
        int[] calls = {0};
        Function<JsonNode, String> page = batch -> {
            if (++calls[0] == 2) {
                throw new IllegalStateException("chrome not reachable");
            }
            return answer(batch, Set.of());
        };
        Map<String, ProbeOutcome> outcomes;
        try (Runner runner = new Runner(() -> {
            ScriptedSession s = new ScriptedSession(page);
            sessions.add(s);
            return s;
        }, "http://page.test/probe.html", new Traffic(Set.of()), 3, new Runner.Listener() { })) {
            outcomes = runner.run(jobs(9));
        }
        assertEquals(outcomes.size(), 9);
        for (int i = 0; i < 9; i++) {
            ProbeOutcome o = outcomes.get("j" + i);
            assertEquals(o.observed(), i < 3 || i >= 6, "j" + i + ": " + o);
        }
        assertTrue(outcomes.get("j4").infrastructureError().contains("chrome not reachable"));
        assertEquals(sessions.size(), 2, "restarted once");
        assertTrue(sessions.get(0).closed && sessions.get(1).closed);
    }

    @Test
    public void aCaseThatThrowsInThePageAndAProxyFaultAreInfrastructureErrorsAlone() {
        Map<String, ProbeOutcome> outcomes;
        try (Runner runner = new Runner(() -> new ScriptedSession(b -> answer(b, Set.of("j1"))),
                "http://page.test/probe.html", new Traffic(Set.of("j2")), 10, new Runner.Listener() { })) {
            outcomes = runner.run(jobs(4));
        }
        assertTrue(outcomes.get("j0").observed());
        assertTrue(outcomes.get("j3").observed());
        assertEquals(outcomes.get("j1").infrastructureError(), "the probe page could not run it: it threw");
        assertEquals(outcomes.get("j2").infrastructureError(), "the suite's proxy failed: upstream reset mid-answer");
    }

    @Test
    public void aSessionThatCannotRestartFailsTheLaterBatchesWithTheReason() {
        int[] starts = {0};
        Map<String, ProbeOutcome> outcomes;
        try (Runner runner = new Runner(() -> {
            if (++starts[0] > 1) {
                throw new IllegalStateException("no display");
            }
            return new ScriptedSession(b -> {
                throw new IllegalStateException("browser crashed");
            });
        }, "http://page.test/probe.html", new Traffic(Set.of()), 2, new Runner.Listener() { })) {
            outcomes = runner.run(jobs(6));
        }
        assertFalse(outcomes.values().stream().anyMatch(ProbeOutcome::observed));
        assertTrue(outcomes.get("j5").infrastructureError().contains("could not be restarted"),
                outcomes.get("j5").infrastructureError());
        assertTrue(outcomes.get("j5").infrastructureError().contains("no display"));
        assertEquals(starts[0], 2, "one restart is tried, not one per batch");
    }

    @Test
    public void aTimeoutWithNothingArrivedIsTheSuitesFaultAndATimeoutOfAHangingServerIsAVerdict() {
        Function<JsonNode, String> page = batch -> {
            ArrayNode results = JSON.createArrayNode();
            batch.forEach(c -> results.add(JSON.createObjectNode().put("id", c.path("id").asText())
                    .put("rejected", true).put("timedOut", true).put("ms", 1000)));
            return results.toString();
        };
        Map<String, ProbeOutcome> outcomes;
        try (Runner runner = new Runner(() -> new ScriptedSession(page), "http://page.test/probe.html",
                new Traffic(Set.of(), Set.of("j1")), 10, new Runner.Listener() { })) {
            outcomes = runner.run(jobs(2));
        }
        assertTrue(outcomes.get("j0").infrastructureError().contains("nothing reached the server"),
                outcomes.get("j0").toString());
        assertEquals(outcomes.get("j1").observation().verdict(), dev.corssuite.suite.facts.Verdict.TIMEOUT);
    }
}
