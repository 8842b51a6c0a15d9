package dev.corssuite.suite.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Jobs dealt to several sessions of one engine (round robin, so each gets a like mix of quick and waiting ones), with
 * one progress for all of them: the listener hears the sum of what the sessions have done.
 */
public final class Shards<J extends Job> {
    private final List<List<J>> shards = new ArrayList<>();
    private final Runner.Listener listener;
    private final int[] done;
    private final int total;
    private final List<J> jobs;

    /** {@code sessions} when it is a usable count of sessions per engine; throws IllegalArgumentException otherwise. */
    public static int checkedSessions(int sessions) {
        if (sessions < 1) {
            throw new IllegalArgumentException("--sessions " + sessions + ": at least one session");
        }
        return sessions;
    }

    public Shards(List<J> jobs, int sessions, Runner.Listener listener) {
        int count = Math.max(1, Math.min(sessions, jobs.size()));
        for (int i = 0; i < count; i++) {
            shards.add(new ArrayList<>());
        }
        for (int i = 0; i < jobs.size(); i++) {
            shards.get(i % count).add(jobs.get(i));
        }
        this.jobs = List.copyOf(jobs);
        this.listener = listener;
        this.done = new int[count];
        this.total = jobs.size();
    }

    public int count() {
        return shards.size();
    }

    public List<J> jobs(int shard) {
        return shards.get(shard);
    }

    /**
     * Each shard's work side by side (one session each), the outcomes merged into one result in the jobs' order,
     * under the first session's engine run.
     */
    public EngineResult runSideBySide(IntFunction<EngineResult> session) {
        List<EngineResult> parts = EngineRuns.run(IntStream.range(0, count()).boxed().toList(), true, session::apply);
        Map<String, ProbeOutcome> all = new HashMap<>();
        parts.forEach(p -> all.putAll(p.outcomes()));
        Map<String, ProbeOutcome> merged = new LinkedHashMap<>();
        jobs.stream().map(Job::key).filter(all::containsKey).forEach(key -> merged.put(key, all.get(key)));
        return new EngineResult(parts.get(0).engine(), merged);
    }

    /** The listener one session reports to. */
    public Runner.Listener listener(int shard) {
        return new Runner.Listener() {
            @Override
            public void batchStarted(String engine, List<String> keys) {
                listener.batchStarted(engine, keys);
            }

            @Override
            public void batchDone(String engine, int doneHere, int totalHere, Duration elapsed) {
                int sum;
                synchronized (done) {
                    done[shard] = doneHere;
                    sum = java.util.Arrays.stream(done).sum();
                }
                listener.batchDone(engine, sum, total, elapsed);
            }
        };
    }
}
