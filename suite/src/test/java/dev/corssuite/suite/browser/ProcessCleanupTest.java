package dev.corssuite.suite.browser;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.probe.Probe;
import dev.corssuite.suite.run.CaseStager;
import dev.corssuite.suite.run.FleetTraffic;
import dev.corssuite.suite.runner.ProbeOutcome;
import dev.corssuite.suite.runner.Runner;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.table.CaseTable;
import org.testng.SkipException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/** Browsers, drivers and Xvfb the suite starts are gone when it is done: closed, crashed or interrupted. */
@Test(groups = "browser")
public class ProcessCleanupTest {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", ".."));

    @DataProvider(name = "engines")
    public Object[][] engines() {
        return EngineSelection.known().stream().filter(e -> e.missing().isEmpty()).map(e -> new Object[] {e})
                .toArray(Object[][]::new);
    }

    private static List<ProcessHandle> started(ProcessHandle parent) {
        return parent.descendants().filter(ProcessHandle::isAlive).toList();
    }

    private static void assertAllGone(List<ProcessHandle> processes, String when) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (processes.stream().noneMatch(ProcessHandle::isAlive)) {
                return;
            }
            Thread.sleep(100);
        }
        fail(when + ", still running: " + processes.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList());
    }

    @Test(dataProvider = "engines")
    public void closingASessionEndsEveryProcessItStarted(Engine engine) throws Exception {
        List<ProcessHandle> before = started(ProcessHandle.current());
        List<ProcessHandle> during;
        try (BrowserSession session = engine.start()) {
            during = started(ProcessHandle.current()).stream().filter(p -> !before.contains(p)).toList();
            assertFalse(during.isEmpty(), engine.name() + " started no process?");
        }
        assertAllGone(during, engine.name() + " closed");
    }

    @Test(dataProvider = "engines")
    public void aBrowserThatCrashesMidRunFailsItsBatchRestartsAndLeavesNothingBehind(Engine engine) throws Exception {
        List<ProcessHandle> before = started(ProcessHandle.current());
        CaseTable table = CaseTable.load(ROOT.resolve("fixtures"));
        List<ProcessHandle> during;
        try (OriginFleet fleet = OriginFleet.builder().pages(ROOT.resolve("fixtures").resolve("pages")).start();
             Runner runner = new Runner(engine::start, fleet.url(OriginRole.PAGE, Probe.PAGE), new FleetTraffic(fleet),
                     10, new Runner.Listener() { })) {
            during = started(ProcessHandle.current()).stream().filter(p -> !before.contains(p)).toList();
            // Kill the browser itself (not its driver): the engine's main process and everything under it.
            during.stream().filter(p -> p.info().command().orElse("").matches(".*(chromium|chrome|firefox|MiniBrowser)[^/]*$"))
                    .forEach(ProcessHandle::destroyForcibly);
            CaseStager stager = new CaseStager(fleet);
            List<CorsCase> rows = table.cases().stream().filter(c -> c.actual().delayMillis() == 0
                    && c.preflight().delayMillis() == 0 && c.then().isEmpty()).limit(20).toList();
            Map<String, ProbeOutcome> outcomes = runner.run(rows.stream().map(stager::job).toList());
            assertTrue(rows.subList(0, 10).stream().noneMatch(r -> outcomes.get(r.id()).observed()),
                    "the crashed batch is infrastructure errors: " + outcomes);
            assertTrue(rows.subList(10, 20).stream().allMatch(r -> outcomes.get(r.id()).observed()),
                    "the next batch runs in a restarted session: " + outcomes);
            assertAllGone(during, engine.name() + " crashed and was replaced");
            during = started(ProcessHandle.current()).stream().filter(p -> !before.contains(p)).toList();
        }
        assertAllGone(during, engine.name() + " restarted and was closed");
    }

    /** When, from the engine's first long-lived process (driver, Firefox, Xvfb), the run is interrupted, and how. */
    record Interrupt(String signal, long afterStartMillis, boolean afterFirstBatch) {
        /** A JVM ended by a signal exits with 128 + the signal's number once its shutdown hooks ran. */
        int exitStatus() {
            return 128 + Map.of("TERM", 15, "INT", 2).get(signal);
        }

        @Override
        public String toString() {
            return "SIG" + signal + (afterFirstBatch ? " after the first batch" : "") + " +" + afterStartMillis + " ms";
        }
    }

    private static final List<Interrupt> MOMENTS = List.of(new Interrupt("TERM", 0, false),
            new Interrupt("INT", 700, false), new Interrupt("TERM", 0, true));

    /** Rows that do not wait (no preflight-cache expiry), two batches of them: the interrupt lands in the second. */
    private static final String CASES = "simple-requests,preflight-triggers,exposed-headers,preflight-answers";

    /** The first process each engine's start leaves running: what "the browser's start" is timed from. */
    private static final Map<String, Pattern> FIRST_PROCESS = Map.of(
            "chromium", Pattern.compile(".*/chromedriver --port=\\d+.*"),
            "firefox", Pattern.compile(".*/firefox[^/ ]* .*--remote-debugging-port.*"),
            "webkit", Pattern.compile(".*/Xvfb .*"));

    @DataProvider(name = "interrupts")
    public Object[][] interrupts() {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] engine : engines()) {
            for (Interrupt moment : MOMENTS) {
                rows.add(new Object[] {((Engine) engine[0]).name(), moment});
            }
        }
        return rows.toArray(Object[][]::new);
    }

    /**
     * Every process of an interrupted run carries a marker in its environment, so one that escaped the process tree
     * (reparented when its parent died, or started after the run's last look) is still found.
     */
    @Test(dataProvider = "interrupts")
    public void anInterruptedRunLeavesNothingBehind(String engine, Interrupt moment) throws Exception {
        if (moment.signal().equals("INT") && ignoresSigint()) {
            throw new SkipException("SIGINT is ignored in this test's process (a shell does that to background "
                    + "jobs), so the run it starts ignores it too, as it should; run the tests in the foreground");
        }
        String marker = "cors-cleanup-" + UUID.randomUUID();
        Path results = Files.createTempDirectory("interrupted");
        Path earlierRun = Files.writeString(results.resolve("earlier-run-result.json"), "{}");
        Path scratch = Files.createTempDirectory("interrupted-tmp");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dcors.root=" + ROOT, "-Dcors.offline=true",
                "-Djava.io.tmpdir=" + scratch,
                "dev.corssuite.suite.cli.CorsSuite", "run", "--browsers", engine, "--cases", CASES, "--results",
                results.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put(MARKER, marker);
        Process cli = builder.start();
        CompletableFuture<String> firstBatch = new CompletableFuture<>();
        Pattern progress = Pattern.compile("\\[" + engine + "\\] \\d+/\\d+ cases.*");
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (progress.matcher(line.trim()).matches()) {
                        firstBatch.complete(line);
                    }
                }
            } catch (IOException ignored) {
                // the run ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            awaitFirstProcess(cli, FIRST_PROCESS.get(engine));
            if (moment.afterFirstBatch()) {
                firstBatch.get(90, TimeUnit.SECONDS);
            }
            Thread.sleep(moment.afterStartMillis());
            assertTrue(cli.isAlive(), "the run ended before the interrupt; nothing was tested");
            new ProcessBuilder("kill", "-s", moment.signal(), String.valueOf(cli.pid())).start().waitFor();
            assertTrue(cli.waitFor(30, TimeUnit.SECONDS), "the run did not stop on SIG" + moment.signal());
            assertEquals(cli.exitValue(), moment.exitStatus(), "the run ended by itself, not by the interrupt");
            assertNoneLeft(marker, engine + " interrupted by " + moment);
            assertTrue(Files.exists(earlierRun) || Files.exists(results.resolve("categories.json")),
                    "the interrupted run left neither the earlier results nor complete new ones in " + results);
            try (Stream<Path> left = Files.list(scratch)) {
                List<String> profiles = left.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("cors-firefox-profile")).toList();
                assertEquals(profiles, List.of(), "browser profiles left in " + scratch);
            }
        } finally {
            cli.destroyForcibly();
            marked(marker).forEach(ProcessHandle::destroyForcibly);
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            for (String suffix : List.of("", ".partial", ".previous")) {
                Path folder = results.resolveSibling(results.getFileName() + suffix);
                if (Files.exists(folder)) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }
    }

    private static final String MARKER = "CORS_CLEANUP_TEST_MARKER";

    private static boolean ignoresSigint() throws IOException {
        String ignored = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("SigIgn:")).findFirst().orElse("SigIgn: 0").split("\\s+")[1];
        return (Long.parseUnsignedLong(ignored, 16) & (1L << (2 - 1))) != 0;
    }

    private static void awaitFirstProcess(Process cli, Pattern first) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && cli.isAlive()) {
            if (started(cli.toHandle()).stream()
                    .anyMatch(p -> first.matcher(p.info().commandLine().orElse("")).matches())) {
                return;
            }
            Thread.sleep(5);
        }
        fail("the run started no process like " + first + " (alive: " + cli.isAlive() + ")");
    }

    /** Live processes whose environment carries the marker (zombies excluded: they are gone, only not yet reaped). */
    private static List<ProcessHandle> marked(String marker) throws IOException {
        byte[] needle = (MARKER + "=" + marker).getBytes(StandardCharsets.UTF_8);
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path dir : proc.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")
                            || !contains(Files.readAllBytes(dir.resolve("environ")), needle)) {
                        continue;
                    }
                } catch (IOException | RuntimeException goneOrNotOurs) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(dir.getFileName().toString())).ifPresent(found::add);
            }
        }
        return found;
    }

    private static boolean contains(byte[] environ, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= environ.length; i++) {
            if (i > 0 && environ[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (environ[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void assertNoneLeft(String marker, String when) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<ProcessHandle> left = marked(marker);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = marked(marker);
        }
        if (!left.isEmpty()) {
            fail(when + ", still running: " + left.stream().map(p -> p.pid() + " " + p.info().command().orElse("?"))
                    .toList());
        }
    }
}
