package dev.corssuite.suite.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A program the suite starts itself (a browser, a driver, Xvfb): its output is drained and the last lines kept for
 * error messages, and closing it (or the JVM exiting) ends it and every process it spawned ({@link OwnedProcesses}).
 */
public final class ChildProcess implements AutoCloseable {
    private static final int KEPT_LINES = 40;

    private final String name;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private volatile Function<String, Boolean> watcher;
    private volatile CompletableFuture<String> watched;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread drain = new Thread(this::drain, name + "-output");
        drain.setDaemon(true);
        drain.start();
    }

    public static ChildProcess start(String name, List<String> command) {
        return start(name, command, java.util.Map.of());
    }

    /** Starts a program with extra environment variables. */
    public static ChildProcess start(String name, List<String> command, java.util.Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            return new ChildProcess(name, OwnedProcesses.start(builder));
        } catch (IOException e) {
            throw new BrowserUnavailableException("cannot start " + name + " (" + command.get(0) + "): "
                    + e.getMessage(), e);
        }
    }

    /** Waits for an output line the function accepts and returns it; fails with the output so far on timeout or exit. */
    public String awaitLine(Function<String, Boolean> accept, Duration timeout) {
        CompletableFuture<String> future = new CompletableFuture<>();
        synchronized (lastLines) {
            for (String line : lastLines) {
                if (accept.apply(line)) {
                    return line;
                }
            }
            watcher = accept;
            watched = future;
        }
        process.onExit().thenRun(() -> future.completeExceptionally(new BrowserUnavailableException(
                name + " exited with status " + process.exitValue() + " before it was ready; its output:\n" + output())));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new BrowserUnavailableException(name + " was not ready within " + timeout.toSeconds()
                    + " s; its output:\n" + output());
        } catch (java.util.concurrent.ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserUnavailableException("interrupted while waiting for " + name);
        }
    }

    public String output() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    if (watcher != null && watcher.apply(line)) {
                        watched.complete(line);
                        watcher = null;
                    }
                }
            }
        } catch (IOException ignored) {
            // the process closed its output: it is ending
        }
    }

    @Override
    public void close() {
        OwnedProcesses.end(process);
    }
}
