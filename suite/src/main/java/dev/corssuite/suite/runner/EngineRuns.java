package dev.corssuite.suite.runner;

import dev.corssuite.suite.browser.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one piece of work per engine, side by side (each engine has its own session, the origins and the proxy are
 * shared) or one after the other; results come back in the engines' order either way.
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

    public static <T> List<T> run(List<Engine> engines, boolean parallel, Function<Engine, T> work) {
        if (!parallel || engines.size() < 2) {
            return engines.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(engines.size(), r -> {
            Thread t = new Thread(r, "engine-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> pending = new ArrayList<>();
            engines.forEach(e -> pending.add(pool.submit(() -> work.apply(e))));
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
