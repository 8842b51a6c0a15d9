package dev.corssuite.suite.cli;

import dev.corssuite.suite.browser.ChildProcess;
import dev.corssuite.suite.browser.Executables;
import dev.corssuite.suite.cli.CliProcess.Outcome;
import dev.corssuite.suite.table.CaseTable;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/**
 * The suite run through a real Selenium Grid: the Grid standalone server from Maven Central (module grid-server),
 * started here with this machine's chromedriver as its only node; the origins bind all interfaces and are advertised
 * under this machine's host name.
 */
public class GridRunTest {
    private static final Path GRID_CLASSPATH = Path.of(System.getProperty("cors.root", ".."))
            .resolve("grid-server").resolve("target").resolve("classpath.txt");

    private ChildProcess grid;
    private String gridUrl;

    @BeforeClass(groups = "browser")
    public void startGrid() throws IOException {
        if (!Files.isRegularFile(GRID_CLASSPATH)) {
            fail(GRID_CLASSPATH + " is missing; build from the project root (mvn install) so module grid-server "
                    + "resolves the Grid server");
        }
        Path chromedriver = Executables.find(List.of("chromedriver")).orElseThrow(
                () -> new AssertionError("no chromedriver on PATH: sudo apt-get install chromium-driver"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        gridUrl = "http://127.0.0.1:" + port;
        grid = ChildProcess.start("selenium-grid", List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Files.readString(GRID_CLASSPATH).trim(), "org.openqa.selenium.grid.Main", "standalone",
                "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--selenium-manager", "false", "--detect-drivers", "false",
                "--max-sessions", "2", "--driver-configuration", "display-name=chromium", "max-sessions=2",
                "stereotype={\"browserName\":\"chrome\"}", "webdriver-executable=" + chromedriver));
        grid.awaitLine(line -> line.contains("Started Selenium Standalone"), Duration.ofSeconds(90));
    }

    @AfterClass(alwaysRun = true, groups = "browser")
    public void stopGrid() {
        if (grid != null) {
            grid.close();
        }
    }

    /** Two names for this machine of the same address kind, so Local Network Access does not step in. */
    private static String advertisedHosts() throws IOException {
        String name = InetAddress.getLocalHost().getHostName();
        InetAddress address = InetAddress.getByName(name);
        if (name.equals("localhost")) {
            return "localhost,127.0.0.1";
        }
        return address.isLoopbackAddress() ? name + ",localhost" : name + "," + address.getHostAddress();
    }

    @Test(groups = "browser")
    public void theWholeTableRunsThroughTheGridAndMatches() throws Exception {
        Path root = CliProcess.copyOfProject();
        int rows = CaseTable.load(root.resolve("fixtures")).size();
        String hosts = advertisedHosts();
        Outcome outcome = CliProcess.run(root, "run", "--browsers", "chromium", "--grid", gridUrl,
                "--bind", "0.0.0.0", "--advertise-host", hosts, "--results", root.resolve("results").toString(), "--no-report");
        assertEveryRowMatched("chromium", outcome, rows);
        assertTrue(outcome.output().contains("Selenium Grid " + gridUrl), outcome.output());
        String firstHost = hosts.split(",")[0].toLowerCase();
        try (var results = Files.list(root.resolve("results"))) {
            boolean pageOnAdvertisedHost = results.filter(p -> p.toString().endsWith("-attachment.json")
                    || p.toString().endsWith("-attachment.txt")).anyMatch(p -> contains(p, "http://" + firstHost + ":"));
            assertTrue(pageOnAdvertisedHost, "the attachments name the page origin on " + firstHost);
        }
    }

    /** Exit 0, and the engine's summary accounts for every row as matched, a known deviation or a spec/WPT split. */
    static void assertEveryRowMatched(String engine, Outcome outcome, int rows) {
        assertEquals(outcome.exit(), 0, outcome.output());
        Matcher summary = Pattern.compile(engine + " +(\\d+) matched, 0 differed, (\\d+) known deviations"
                + "(?:, (\\d+) spec/WPT disagreements?)?, 0 infrastructure errors").matcher(outcome.output());
        assertTrue(summary.find(), outcome.output());
        int splits = summary.group(3) == null ? 0 : Integer.parseInt(summary.group(3));
        assertEquals(Integer.parseInt(summary.group(1)) + Integer.parseInt(summary.group(2)) + splits, rows,
                outcome.output());
    }

    /** Sessions with a browser on the Grid right now, from its own status. */
    private int busySlots() {
        try {
            var status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.net.URI.create(gridUrl
                    + "/status").toURL());
            int busy = 0;
            for (var node : status.path("value").path("nodes")) {
                for (var slot : node.path("slots")) {
                    busy += slot.path("session").isObject() ? 1 : 0;
                }
            }
            return busy;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What {@code work} returned, and the most sessions the Grid's status showed at once while it ran. */
    private record Watched<T>(T result, int mostSessions) {
    }

    private <T> Watched<T> watching(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                most.accumulateAndGet(busySlots(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        try {
            T result = work.call();
            return new Watched<>(result, most.get());
        } finally {
            running.set(false);
            watcher.join();
        }
    }

    @Test(groups = "browser")
    public void theTableSplitOverTwoGridSessionsRunsThemAtOnceAndMatches() throws Exception {
        Path root = CliProcess.copyOfProject();
        int rows = CaseTable.load(root.resolve("fixtures")).size();
        Watched<Outcome> watched = watching(() -> CliProcess.run(root, "run", "--browsers", "chromium", "--grid",
                gridUrl, "--sessions", "2", "--bind", "0.0.0.0", "--advertise-host", advertisedHosts(), "--results",
                root.resolve("results-sessions").toString(), "--no-report"));
        assertEveryRowMatched("chromium", watched.result(), rows);
        assertEquals(watched.mostSessions(), 2, "the Grid's status showed at most " + watched.mostSessions()
                + " session(s) at once");
    }

    /**
     * verify's matrix split over two Grid sessions, the proxy on every interface and named by an address of this
     * machine other than loopback when it has one (the browsers reach nothing of the run but through the proxy),
     * against a real misconfigured Express app: the Grid ran both sessions at once, and every request's verdict and
     * every finding equal those of a local verify of the same app.
     */
    @Test(groups = "browser")
    public void verifySplitOverTwoGridSessionsMatchesALocalVerify() throws Exception {
        Path policy = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures").resolve("policies")
                .resolve("example-policy.yaml");
        String proxyHost = nonLoopbackAddress().orElse(advertisedHosts().split(",")[0]);
        try (dev.corssuite.suite.verify.ExpressServer express = new dev.corssuite.suite.verify.ExpressServer(
                "reflect-any")) {
            var options = dev.corssuite.suite.verify.VerifyOptions.of(express.url().toString(), policy,
                    List.of("chromium"), dev.corssuite.suite.run.RunSettings.projectRoot());
            var local = verify(options);
            Watched<dev.corssuite.suite.verify.VerifyResult> onGrid = watching(() -> verify(options.withPlacement(
                    dev.corssuite.suite.verify.VerifyPlacement.of(gridUrl, 2, "0.0.0.0", proxyHost))));
            var grid = onGrid.result();
            assertEquals(onGrid.mostSessions(), 2, "the Grid's status showed at most " + onGrid.mostSessions()
                    + " session(s) at once");
            assertTrue(grid.browsers().get("chromium").contains("Selenium Grid " + gridUrl), grid.browsers()
                    .toString());
            assertTrue(local.findings().size() >= 3, "the misconfigured app gave findings: " + local.findings());
            assertEquals(grid.findings(), local.findings());
            assertEquals(grid.exitCode(), local.exitCode());
            assertEquals(verdicts(grid, "chromium"), verdicts(local, "chromium"));
            assertTrue(verdicts(local, "chromium").size() > 40, "requests in chromium: "
                    + verdicts(local, "chromium").size());
        }
    }

    private static java.util.Optional<String> nonLoopbackAddress() throws IOException {
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress).findFirst();
    }

    /** Runs a verification, printing its output after it. */
    static dev.corssuite.suite.verify.VerifyResult verify(dev.corssuite.suite.verify.VerifyOptions options)
            throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        dev.corssuite.suite.verify.VerifyResult result;
        try (var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8)) {
            result = dev.corssuite.suite.verify.TargetVerification.execute(options, print, print);
        }
        System.out.println(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        return result;
    }

    /** Each request's verdict in the engine, by request id (an infrastructure error counts as a verdict here). */
    static java.util.Map<String, String> verdicts(dev.corssuite.suite.verify.VerifyResult result, String engine) {
        java.util.Map<String, String> verdicts = new java.util.TreeMap<>();
        result.outcomes().forEach(o -> {
            if (o.browsers().containsKey(engine)) {
                verdicts.put(o.request().id(), o.browsers().get(engine).verdict().name());
            } else if (o.infrastructureErrors().containsKey(engine)) {
                verdicts.put(o.request().id(), "infrastructure error: " + o.infrastructureErrors().get(engine));
            }
        });
        return verdicts;
    }

    @Test(groups = "browser")
    public void anUnreachableGridIsOneErrorBeforeAnyCase() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        Path root = CliProcess.copyOfProject();
        Outcome outcome = CliProcess.run(root, "run", "--grid", "http://127.0.0.1:" + closedPort,
                "--results", root.resolve("results").toString(), "--no-report");
        assertEquals(outcome.exit(), 2, outcome.output());
        assertTrue(outcome.output().contains("Selenium Grid at http://127.0.0.1:" + closedPort + " is not reachable"),
                outcome.output());
        assertTrue(outcome.output().lines().count() <= 2, "one message, not one per case: " + outcome.output());
    }

    @Test(groups = "browser")
    public void aBrowserTheGridDoesNotOfferIsNamed() throws Exception {
        Path root = CliProcess.copyOfProject();
        Outcome outcome = CliProcess.run(root, "run", "--browsers", "firefox", "--grid", gridUrl,
                "--results", root.resolve("results").toString(), "--no-report");
        assertEquals(outcome.exit(), 2, outcome.output());
        assertTrue(outcome.output().contains("has no node offering browserName 'firefox' (offered: chrome)"),
                outcome.output());
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
