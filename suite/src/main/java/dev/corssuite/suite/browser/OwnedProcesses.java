package dev.corssuite.suite.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every program the suite starts (browsers, drivers, Xvfb, the report generator). Each runs in its own process group
 * (through {@code setsid}), so ending it ends what it spawned too, even a browser its driver is launching at that
 * moment. One shutdown hook, registered before the first start, ends them all when the JVM exits (Ctrl-C, SIGTERM); a
 * start that races the exit waits for the lock and is then ended, and no program starts once the exit has begun.
 */
public final class OwnedProcesses {
    private static final long GRACE_MILLIS = 5_000;
    private static final Optional<Path> SETSID = Executables.find(List.of("setsid"));
    private static final Optional<Path> KILL = Executables.find(List.of("kill"));
    private static final OwnedProcesses INSTANCE = new OwnedProcesses();

    private final Set<Process> owned = new LinkedHashSet<>();
    private boolean exiting;

    private OwnedProcesses() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::endAll, "cors-suite-process-cleanup"));
    }

    /** Starts {@code builder}'s program in a process group of its own; refused once the JVM is exiting. */
    public static Process start(ProcessBuilder builder) throws IOException {
        return INSTANCE.startOwned(builder);
    }

    /** Ends the program and everything in its process group: SIGTERM, then SIGKILL after a grace period. */
    public static void end(Process process) {
        end(List.of(process));
        INSTANCE.forget(process);
    }

    /** The program has exited by itself and left nothing running: nothing to end. */
    public static void release(Process process) {
        INSTANCE.forget(process);
    }

    private synchronized Process startOwned(ProcessBuilder builder) throws IOException {
        if (exiting) {
            throw new IOException("the suite is exiting");
        }
        if (SETSID.isPresent() && KILL.isPresent()) {
            List<String> command = new ArrayList<>(builder.command());
            command.add(0, SETSID.get().toString());
            builder.command(command);
        }
        Process process = builder.start();
        owned.add(process);
        return process;
    }

    private synchronized void forget(Process process) {
        owned.remove(process);
    }

    private void endAll() {
        List<Process> all;
        synchronized (this) {
            exiting = true;
            all = List.copyOf(owned);
        }
        end(all);
    }

    private static void end(Collection<Process> processes) {
        if (processes.isEmpty()) {
            return;
        }
        // The descendants too: a program without setsid, or one that left its group, is still ended.
        List<ProcessHandle> family = new ArrayList<>();
        for (Process process : processes) {
            family.add(process.toHandle());
            process.descendants().forEach(family::add);
        }
        signal(processes, "TERM");
        family.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        while (anyAlive(processes, family) && System.nanoTime() < deadline) {
            sleep(50);
        }
        if (anyAlive(processes, family)) {
            signal(processes, "KILL");
            family.forEach(ProcessHandle::destroyForcibly);
        }
        for (Process process : processes) {
            try {
                process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean anyAlive(Collection<Process> processes, List<ProcessHandle> family) {
        return family.stream().anyMatch(ProcessHandle::isAlive)
                || processes.stream().anyMatch(OwnedProcesses::groupAlive);
    }

    private static void signal(Collection<Process> processes, String signal) {
        if (SETSID.isEmpty() || KILL.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(KILL.get().toString(), "-s", signal, "--"));
        processes.forEach(p -> command.add("-" + p.pid()));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            kill.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // no kill program after all: the descendants are still ended one by one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a live (not zombie) process is in the group {@code leader} leads; read from /proc. */
    private static boolean groupAlive(Process leader) {
        if (SETSID.isEmpty()) {
            return false;
        }
        String group = String.valueOf(leader.pid());
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> {
                        try {
                            String stat = Files.readString(p.resolve("stat"));
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            return !"Z".equals(fields[0]) && group.equals(fields[2]);
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    });
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
