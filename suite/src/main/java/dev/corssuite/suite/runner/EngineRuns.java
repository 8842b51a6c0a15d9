package dev.corssuite.suite.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one piece of work per engine (or per session of one engine), side by side (each has its own browser session,
 * the origins and the proxy are shared) or one after the other; results come back in order either way.
 */
public final class EngineRuns {
    /** Memory a browser with its driver takes at most while the suite drives it, with room to spare. */
    private static final long BYTES_PER_ENGINE = 1L << 30;

    private EngineRuns() {
    }

    /** Side by side unless asked not to, or unless this machine has a single core or too little memory. */
    public static boolean parallelByDefault(int engines) {
        long free = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getFreeMemorySize();
        return Runtime.getRuntime().availableProcessors() >= 2 && free >= engines * BYTES_PER_ENGINE;
    }

    /** The work for each item (an engine, a session's share of the jobs), side by side or in turn, in order. */
    public static <I, T> List<T> run(List<I> items, boolean parallel, Function<I, T> work) {
        if (!parallel || items.size() < 2) {
            return items.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(items.size(), r -> {
            Thread t = new Thread(r, "engine-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> pending = new ArrayList<>();
            items.forEach(e -> pending.add(pool.submit(() -> work.apply(e))));
            List<T> results = new ArrayList<>();
            for (Future<T> f : pending) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the engines ran", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
