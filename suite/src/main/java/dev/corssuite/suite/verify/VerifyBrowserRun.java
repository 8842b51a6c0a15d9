package dev.corssuite.suite.verify;

import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.probe.Probe;
import dev.corssuite.suite.probe.ProbeCase;
import dev.corssuite.suite.probe.ProbeException;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.verdict.Judge;
import dev.corssuite.suite.verdict.Observation;
import dev.corssuite.suite.verify.matrix.PlannedRequest;
import dev.corssuite.suite.verify.proxy.TargetTraffic;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs planned requests in one browser: the probe page on a neutral top origin, each request from a frame of its
 * origin (sandboxed for {@code null}), batches per endpoint of up to {@value #BATCH} per script call; the stage comes
 * from what the proxy saw reach the target.
 */
final class VerifyBrowserRun {
    static final int BATCH = 100;

    private VerifyBrowserRun() {
    }

    static Map<String, Observation> run(BrowserSession session, String topPage, List<PlannedRequest> requests,
                                        BiFunction<PlannedRequest, String, String> urlFor, TargetTraffic traffic,
                                        long timeoutMs, PrintStream progress) {
        session.open(topPage);
        String ready = session.evaluateAsync("Promise.resolve(typeof window.corsProbe)", Duration.ofSeconds(10));
        if (!"object".equals(ready)) {
            throw new ProbeException("the probe page at " + topPage + " did not load its script in " + session.name());
        }
        Map<String, Observation> observations = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (List<PlannedRequest> batch : batches(requests)) {
            List<ProbeCase> cases = new ArrayList<>();
            for (PlannedRequest r : batch) {
                cases.add(new ProbeCase(caseId(session, r), urlFor.apply(r, caseId(session, r)), "fetch", r.method(),
                        r.headers().stream().map(h -> List.of(h.name(), h.value())).toList(), r.body(), false,
                        r.credentials(), "cors", false, timeoutMs, false, r.from().servedAt(), r.from().sandboxed(),
                        false, null, null, 0, null));
            }
            List<ProbeResult> results = Probe.run(session, cases);
            for (int i = 0; i < batch.size(); i++) {
                observations.put(batch.get(i).id(), Judge.observe(results.get(i),
                        traffic.requests(cases.get(i).id())));
            }
            progress.printf("[%s] %d/%d requests, %.1f s%n", session.name(), observations.size(), requests.size(),
                    (System.nanoTime() - started) / 1e9);
        }
        return observations;
    }

    /**
     * Up to {@value #BATCH} requests per script call, one endpoint per call: a browser opens few connections per
     * host, so a hanging endpoint would starve requests to the others queued behind it in the same call.
     */
    static List<List<PlannedRequest>> batches(List<PlannedRequest> requests) {
        Map<String, List<PlannedRequest>> byPath = new LinkedHashMap<>();
        requests.forEach(r -> byPath.computeIfAbsent(r.path(), p -> new ArrayList<>()).add(r));
        List<List<PlannedRequest>> batches = new ArrayList<>();
        for (List<PlannedRequest> sameEndpoint : byPath.values()) {
            for (int from = 0; from < sameEndpoint.size(); from += BATCH) {
                batches.add(sameEndpoint.subList(from, Math.min(sameEndpoint.size(), from + BATCH)));
            }
        }
        return batches;
    }

    /** Unique per engine, so the traffic of two browsers never mixes. */
    static String caseId(BrowserSession session, PlannedRequest r) {
        return session.name() + "-" + r.id();
    }
}
