package dev.corssuite.suite.verify;

import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.probe.Probe;
import dev.corssuite.suite.probe.ProbeCase;
import dev.corssuite.suite.probe.ProbeException;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.verdict.Judge;
import dev.corssuite.suite.verdict.Observation;
import dev.corssuite.suite.verify.direct.LoadSignal;
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
    static final int TRIES_ALONE = 3;

    /** The observations without those the target still limited (429/503) alone, and the ids run again alone. */
    record Polite(Map<String, Observation> observations, List<String> retriedAlone, List<String> stillLimited) {
        /** "The target limited the suite's load in chromium: ..." with the numbers, or empty. */
        java.util.Optional<String> summary(String engine) {
            return retriedAlone.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(
                    "The target limited the suite's load in " + engine + ": " + retriedAlone.size()
                    + " request(s) answered 429 or 503, run again one at a time; " + (stillLimited.isEmpty()
                    ? "all answered" : stillLimited.size() + " still limited (" + String.join(", ", stillLimited)
                    + ") are left out of the verdicts") + ".");
        }
    }

    private VerifyBrowserRun() {
    }

    /**
     * {@link #run}, then the requests the target answered 429 or 503 (its load limits, not its CORS answer) run
     * again one per script call after a pause, under new ids so no preflight cache entry is reused.
     */
    static Polite runPolitely(BrowserSession session, String topPage, List<PlannedRequest> requests,
                              BiFunction<PlannedRequest, String, String> urlFor, TargetTraffic traffic,
                              long timeoutMs, PrintStream progress) {
        Map<String, Observation> observed = new LinkedHashMap<>(run(session, topPage, requests, urlFor, traffic,
                timeoutMs, progress, BATCH, ""));
        List<PlannedRequest> limited = limited(session, requests, traffic, "");
        List<String> retried = limited.stream().map(PlannedRequest::id).toList();
        for (int attempt = 1; attempt <= TRIES_ALONE && !limited.isEmpty(); attempt++) {
            try {
                Thread.sleep(1000L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing requests to the target", e);
            }
            String again = "-again" + attempt;
            observed.putAll(run(session, topPage, limited, urlFor, traffic, timeoutMs, progress, 1, again));
            limited = limited(session, limited, traffic, again);
        }
        limited.forEach(r -> observed.remove(r.id()));
        return new Polite(observed, retried, limited.stream().map(PlannedRequest::id).toList());
    }

    private static List<PlannedRequest> limited(BrowserSession session, List<PlannedRequest> requests,
                                                TargetTraffic traffic, String idSuffix) {
        return requests.stream().filter(r -> traffic.statuses(caseId(session, r) + idSuffix).stream()
                .anyMatch(LoadSignal::limits)).toList();
    }

    static Map<String, Observation> run(BrowserSession session, String topPage, List<PlannedRequest> requests,
                                        BiFunction<PlannedRequest, String, String> urlFor, TargetTraffic traffic,
                                        long timeoutMs, PrintStream progress) {
        return run(session, topPage, requests, urlFor, traffic, timeoutMs, progress, BATCH, "");
    }

    private static Map<String, Observation> run(BrowserSession session, String topPage, List<PlannedRequest> requests,
                                                BiFunction<PlannedRequest, String, String> urlFor,
                                                TargetTraffic traffic, long timeoutMs, PrintStream progress,
                                                int batchSize, String idSuffix) {
        session.open(topPage);
        String ready = session.evaluateAsync("Promise.resolve(typeof window.corsProbe)", Duration.ofSeconds(10));
        if (!"object".equals(ready)) {
            throw new ProbeException("the probe page at " + topPage + " did not load its script in " + session.name());
        }
        Map<String, Observation> observations = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (List<PlannedRequest> batch : batches(requests, batchSize)) {
            List<ProbeCase> cases = new ArrayList<>();
            for (PlannedRequest r : batch) {
                String id = caseId(session, r) + idSuffix;
                cases.add(new ProbeCase(id, urlFor.apply(r, id), "fetch", r.method(),
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
        return batches(requests, BATCH);
    }

    private static List<List<PlannedRequest>> batches(List<PlannedRequest> requests, int batchSize) {
        Map<String, List<PlannedRequest>> byPath = new LinkedHashMap<>();
        requests.forEach(r -> byPath.computeIfAbsent(r.path(), p -> new ArrayList<>()).add(r));
        List<List<PlannedRequest>> batches = new ArrayList<>();
        for (List<PlannedRequest> sameEndpoint : byPath.values()) {
            for (int from = 0; from < sameEndpoint.size(); from += batchSize) {
                batches.add(sameEndpoint.subList(from, Math.min(sameEndpoint.size(), from + batchSize)));
            }
        }
        return batches;
    }

    /** Unique per engine, so the traffic of two browsers never mixes. */
    static String caseId(BrowserSession session, PlannedRequest r) {
        return session.name() + "-" + r.id();
    }
}
