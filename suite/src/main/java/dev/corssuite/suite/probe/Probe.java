package dev.corssuite.suite.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corssuite.suite.browser.BrowserSession;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sends a batch of cases to the probe page in one script call and returns the results in the batch's order. */
public final class Probe {
    public static final String PAGE = "/probe.html";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SLACK = Duration.ofSeconds(15);
    /** probe.js waits at least this long between the requests of a multi-request case (keeps their clocks apart). */
    static final long STEP_GAP_MS = 50;

    private Probe() {
    }

    public static List<ProbeResult> run(BrowserSession session, List<ProbeCase> batch) {
        String batchJson;
        try {
            batchJson = JSON.writeValueAsString(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a probe batch", e);
        }
        String answer;
        try {
            // A JSON string literal is a JavaScript string literal.
            answer = session.evaluateAsync("window.corsProbe.runJson(" + JSON.writeValueAsString(batchJson) + ")",
                    budget(batch));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return parse(answer, batch);
    }

    /** Time the whole batch may take: the longest timeout for the cases run together, plus each lone case's. */
    static Duration budget(List<ProbeCase> batch) {
        long together = batch.stream().filter(c -> !c.alone()).mapToLong(ProbeCase::budgetMs).max().orElse(0);
        long alone = batch.stream().filter(ProbeCase::alone).mapToLong(ProbeCase::budgetMs).sum();
        return Duration.ofMillis(together + alone).plus(SLACK);
    }

    private static List<ProbeResult> parse(String answer, List<ProbeCase> batch) {
        if (answer == null) {
            throw new ProbeException("the probe page returned nothing: is window.corsProbe loaded?");
        }
        try {
            JsonNode node = JSON.readTree(answer);
            if (node.has("probeError")) {
                throw new ProbeException("the probe page failed: " + node.path("probeError").asText());
            }
            List<ProbeResult> results = JSON.convertValue(node, new TypeReference<>() { });
            Map<String, ProbeResult> byId = new HashMap<>();
            results.forEach(r -> byId.put(r.id(), r));
            return batch.stream().map(c -> {
                ProbeResult r = byId.get(c.id());
                if (r == null) {
                    throw new ProbeException("the probe page returned no result for case " + c.id());
                }
                return r;
            }).toList();
        } catch (JsonProcessingException e) {
            throw new ProbeException("the probe page returned something that is not JSON: " + answer, e);
        }
    }
}
