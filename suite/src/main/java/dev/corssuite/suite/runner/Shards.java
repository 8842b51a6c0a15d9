package dev.corssuite.suite.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs dealt to several sessions of one engine (round robin, so each gets a like mix of quick and waiting ones), with
 * one progress for all of them: the listener hears the sum of what the sessions have done.
 */
public final class Shards<J extends Job> {
    private final List<List<J>> shards = new ArrayList<>();
    private final Runner.Listener listener;
    private final int[] done;
    private final int total;
    private final java.util.Map<String, Integer> order = new java.util.HashMap<>();

    public Shards(List<J> jobs, int sessions, Runner.Listener listener) {
        int count = Math.max(1, Math.min(sessions, jobs.size()));
        for (int i = 0; i < count; i++) {
            shards.add(new ArrayList<>());
        }
        for (int i = 0; i < jobs.size(); i++) {
            shards.get(i % count).add(jobs.get(i));
            order.put(jobs.get(i).key(), i);
        }
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
    public EngineResult runSideBySide(java.util.function.IntFunction<EngineResult> session) {
        List<EngineResult> parts = EngineRuns.run(java.util.stream.IntStream.range(0, count()).boxed().toList(), true,
                session::apply);
        java.util.Map<String, ProbeOutcome> all = new java.util.HashMap<>();
        parts.forEach(p -> all.putAll(p.outcomes()));
        java.util.Map<String, ProbeOutcome> merged = new java.util.LinkedHashMap<>();
        shards.stream().flatMap(List::stream).map(Job::key).sorted(java.util.Comparator.comparingInt(order::get))
                .forEach(key -> {
                    if (all.containsKey(key)) {
                        merged.put(key, all.get(key));
                    }
                });
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
