package dev.corssuite.suite.runner;

import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.probe.Probe;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.verdict.Judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs jobs in one engine: one page load, then batches of jobs per script call, each judged against what the
 * {@link TrafficSource} recorded. A batch whose script call fails (a crashed browser, a page that broke) makes only
 * its jobs infrastructure errors: the session is restarted and the other batches still run. Knows nothing of tables,
 * policies, TestNG or reports.
 */
public final class Runner implements AutoCloseable {
    /** Hears when a batch starts and ends (progress, tests that break things mid-batch). */
    public interface Listener {
        default void batchStarted(String engine, List<String> keys) {
        }

        default void batchDone(String engine, int done, int total, Duration elapsed) {
        }
    }

    private final Supplier<BrowserSession> sessions;
    private final String pageUrl;
    private final TrafficSource traffic;
    private final int batchSize;
    private final Listener listener;
    private BrowserSession session;
    private String engine;
    /** Why the session could not be restarted; every later batch fails with it. */
    private String broken;

    /**
     * Starts the first session (throws what the engine throws when it cannot start) and loads the probe page.
     */
    public Runner(Supplier<BrowserSession> sessions, String pageUrl, TrafficSource traffic, int batchSize,
                  Listener listener) {
        this.sessions = sessions;
        this.pageUrl = pageUrl;
        this.traffic = traffic;
        this.batchSize = batchSize;
        this.listener = listener;
        this.session = openSession();
        this.engine = session.name();
    }

    public BrowserSession session() {
        return session;
    }

    /** Runs every job and returns each one's outcome by key, in the jobs' order. */
    public Map<String, ProbeOutcome> run(List<? extends Job> jobs) {
        return run(jobs, batchSize);
    }

    /** Runs every job, {@code size} per script call at most; the outcomes by key, in the jobs' order. */
    public Map<String, ProbeOutcome> run(List<? extends Job> jobs, int size) {
        Map<String, ProbeOutcome> outcomes = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (List<? extends Job> batch : batches(jobs, size)) {
            List<Staged> staged = new ArrayList<>();
            try {
                batch.forEach(job -> staged.add(job.stage(engine)));
                listener.batchStarted(engine, batch.stream().map(Job::key).toList());
                outcomes.putAll(runBatch(batch, staged));
            } finally {
                staged.forEach(s -> {
                    s.release().run();
                    traffic.forget(s.probe().id());
                });
            }
            listener.batchDone(engine, outcomes.size(), jobs.size(), Duration.ofNanos(System.nanoTime() - started));
        }
        Map<String, ProbeOutcome> inOrder = new LinkedHashMap<>();
        jobs.forEach(j -> inOrder.put(j.key(), outcomes.get(j.key())));
        return inOrder;
    }

    private Map<String, ProbeOutcome> runBatch(List<? extends Job> batch, List<Staged> staged) {
        Map<String, ProbeOutcome> outcomes = new LinkedHashMap<>();
        if (broken != null) {
            batch.forEach(job -> outcomes.put(job.key(), ProbeOutcome.failed(broken)));
            return outcomes;
        }
        List<ProbeResult> results;
        try {
            results = Probe.run(session, staged.stream().map(Staged::probe).toList());
        } catch (RuntimeException e) {
            String reason = "the batch's script call failed in " + engine + ": " + firstLine(e);
            batch.forEach(job -> outcomes.put(job.key(), ProbeOutcome.failed(reason)));
            restart(reason);
            return outcomes;
        }
        for (int i = 0; i < batch.size(); i++) {
            String id = staged.get(i).probe().id();
            ProbeResult result = results.get(i);
            List<String> faults = traffic.faults(id);
            List<RecordedRequest> arrived = traffic.requests(id);
            ProbeOutcome outcome;
            if (result.probeError() != null) {
                outcome = ProbeOutcome.failed("the probe page could not run it: " + result.probeError());
            } else if (!faults.isEmpty()) {
                outcome = ProbeOutcome.failed("the suite's proxy failed: " + String.join("; ", faults));
            } else if (result.timedOut() && arrived.isEmpty()) {
                // A server that hangs has received the request; here nothing arrived before the page gave up.
                outcome = ProbeOutcome.failed("the page gave up after " + result.ms() + " ms and nothing reached the "
                        + "server: the request never left the browser or the suite's own machinery");
            } else {
                outcome = ProbeOutcome.observed(Judge.observe(result, arrived, traffic));
            }
            outcomes.put(batch.get(i).key(), outcome);
        }
        return outcomes;
    }

    /** A fresh session in place of one that failed; if none starts, every later batch fails with the reason. */
    private void restart(String why) {
        try {
            session.close();
        } catch (RuntimeException e) {
            // the session is already broken; close() still ends its processes
        }
        try {
            session = openSession();
        } catch (RuntimeException e) {
            broken = engine + " could not be restarted after " + why + ": " + firstLine(e);
        }
    }

    private BrowserSession openSession() {
        BrowserSession started = sessions.get();
        try {
            started.open(pageUrl);
            String ready = started.evaluateAsync("Promise.resolve(typeof window.corsProbe)", Duration.ofSeconds(10));
            if (!"object".equals(ready)) {
                throw new IllegalStateException("the probe page at " + pageUrl + " did not load its script in "
                        + started.name() + " (window.corsProbe is " + ready + ")");
            }
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /**
     * Jobs of one group together, up to {@code size} per batch, groups in order of first appearance; within a group
     * the jobs that wait come first, longest wait first, so their waits overlap in as few script calls as possible.
     */
    static <J extends Job> List<List<J>> batches(List<J> jobs, int size) {
        Map<String, List<J>> byGroup = new LinkedHashMap<>();
        jobs.forEach(j -> byGroup.computeIfAbsent(j.group(), g -> new ArrayList<>()).add(j));
        List<List<J>> batches = new ArrayList<>();
        for (List<J> inOrder : byGroup.values()) {
            List<J> group = new ArrayList<>(inOrder);
            group.sort(java.util.Comparator.comparingLong((J j) -> -j.waitsMs()));
            for (int from = 0; from < group.size(); from += size) {
                batches.add(group.subList(from, Math.min(group.size(), from + size)));
            }
        }
        return batches;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return e.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        if (broken == null) {
            session.close();
        }
    }
}
