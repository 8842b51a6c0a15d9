package dev.corssuite.suite.runner;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Kills the browsers (not their drivers) this JVM started since it was made, {@code delay} after a batch starts, on
 * a thread of its own: the batch's script call is then in flight.
 */
final class BrowserKiller implements Runner.Listener {
    private static final String BROWSER = ".*(chromium|chrome|firefox|firefox-esr|MiniBrowser)[^/]*$";

    private final Set<Long> before = descendants().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
    private final Predicate<List<String>> which;
    private final Duration delay;
    private volatile List<String> killedBatch = List.of();

    /** @param which picks the batch (by its keys) to kill the browser in; only the first one it accepts */
    BrowserKiller(Predicate<List<String>> which, Duration delay) {
        this.which = which;
        this.delay = delay;
    }

    private static List<ProcessHandle> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    @Override
    public synchronized void batchStarted(String engine, List<String> keys) {
        if (!killedBatch.isEmpty() || !which.test(keys)) {
            return;
        }
        killedBatch = List.copyOf(keys);
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            descendants().stream().filter(p -> !before.contains(p.pid()))
                    .filter(p -> p.info().command().orElse("").matches(BROWSER))
                    .forEach(ProcessHandle::destroyForcibly);
        }, "browser-killer");
        killer.setDaemon(true);
        killer.start();
    }

    /** The keys of the batch the browser was killed in (empty until it started). */
    List<String> killedBatch() {
        return killedBatch;
    }
}
