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
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

    @Test
    public void anInterruptedRunLeavesNothingBehind() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dcors.root=" + ROOT, "-Dcors.offline=true",
                "dev.corssuite.suite.cli.CorsSuite", "run", "--results",
                java.nio.file.Files.createTempDirectory("interrupted").toString());
        Process cli = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        List<ProcessHandle> browsers = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (browsers.isEmpty() && System.nanoTime() < deadline && cli.isAlive()) {
            browsers = started(cli.toHandle());
            Thread.sleep(20);
        }
        assertFalse(browsers.isEmpty(), "the run started no browser");
        Thread.sleep(300);
        browsers = started(cli.toHandle());
        cli.destroy(); // SIGTERM, as Ctrl-C or a CI cancel would
        assertTrue(cli.waitFor(30, TimeUnit.SECONDS), "the run did not stop on SIGTERM");
        assertAllGone(browsers, "the run was interrupted");
    }
}
