package dev.corssuite.suite.cli;

import dev.corssuite.suite.browser.ChildProcess;
import dev.corssuite.suite.browser.Executables;
import dev.corssuite.suite.cli.CliProcess.Outcome;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.verify.ExpressServer;
import dev.corssuite.suite.verify.VerifyOptions;
import dev.corssuite.suite.verify.VerifyPlacement;
import dev.corssuite.suite.verify.VerifyResult;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/**
 * WebKit on a Selenium Grid node: Selenium knows no WebKitGTK driver, so the node relays a {@code MiniBrowser} slot to
 * a {@code WebKitWebDriver} it does not start itself (the Grid's {@code [relay]}, as README shows), on an Xvfb display.
 * The Grid standalone from Maven Central (module grid-server) plays the node.
 */
public class WebKitGridNodeTest {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", ".."));
    private static final Path GRID_CLASSPATH = ROOT.resolve("grid-server").resolve("target").resolve("classpath.txt");

    private ChildProcess xvfb;
    private ChildProcess webKitDriver;
    private ChildProcess grid;
    private Path config;
    private String gridUrl;

    @BeforeClass(groups = "browser")
    public void startNode() throws IOException {
        if (!Files.isRegularFile(GRID_CLASSPATH)) {
            fail(GRID_CLASSPATH + " is missing; build from the project root so module grid-server resolves the Grid");
        }
        Path driver = Executables.find(List.of("WebKitWebDriver")).orElseThrow(() -> new AssertionError(
                "no WebKitWebDriver on PATH: sudo apt-get install webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb"));
        Path xvfbBinary = Executables.find(List.of("Xvfb")).orElseThrow(() -> new AssertionError(
                "no Xvfb: sudo apt-get install xvfb"));
        xvfb = ChildProcess.start("Xvfb", List.of(xvfbBinary.toString(), "-displayfd", "1", "-screen", "0",
                "1280x1024x24", "-nolisten", "tcp", "-nolisten", "unix"));
        String display = ":" + xvfb.awaitLine(line -> line.trim().matches("\\d+"), Duration.ofSeconds(15)).trim();
        int driverPort = freePort();
        webKitDriver = ChildProcess.start("WebKitWebDriver", List.of(driver.toString(), "--port=" + driverPort,
                "--host=127.0.0.1"), Map.of("DISPLAY", display));
        config = Files.createTempFile("webkit-node", ".toml");
        // The stereotype names the browser only: the Grid matches an extension capability such as
        // webkitgtk:browserOptions only when the request carries an equal one, and WebKitWebDriver finds its
        // MiniBrowser itself.
        Files.writeString(config, """
                [node]
                detect-drivers = false
                selenium-manager = false

                [relay]
                url = "http://127.0.0.1:%d"
                status-endpoint = "/status"
                configs = ["1", '{"browserName": "MiniBrowser"}']
                """.formatted(driverPort));
        int port = freePort();
        gridUrl = "http://127.0.0.1:" + port;
        grid = ChildProcess.start("selenium-grid", List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Files.readString(GRID_CLASSPATH).trim(), "org.openqa.selenium.grid.Main", "standalone",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--config", config.toString()));
        grid.awaitLine(line -> line.contains("Started Selenium Standalone"), Duration.ofSeconds(90));
    }

    @AfterClass(alwaysRun = true, groups = "browser")
    public void stopNode() throws IOException {
        for (ChildProcess process : new ChildProcess[] {grid, webKitDriver, xvfb}) {
            if (process != null) {
                process.close();
            }
        }
        if (config != null) {
            Files.deleteIfExists(config);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Test(groups = "browser")
    public void theWholeTableRunsOnTheWebKitNodeAndMatches() throws Exception {
        Path root = CliProcess.copyOfProject();
        int rows = CaseTable.load(root.resolve("fixtures")).size();
        Outcome outcome = CliProcess.run(root, "run", "--browsers", "webkit", "--grid", gridUrl,
                "--bind", "0.0.0.0", "--advertise-host", "localhost,127.0.0.1", "--results",
                root.resolve("results").toString(), "--no-report");
        GridRunTest.assertEveryRowMatched("webkit", outcome, rows);
        assertTrue(outcome.output().contains("Selenium Grid " + gridUrl), outcome.output());
    }

    @Test(groups = "browser")
    public void verifyOnTheWebKitNodeMatchesALocalVerify() throws Exception {
        Path policy = ROOT.resolve("fixtures").resolve("policies").resolve("example-policy.yaml");
        try (ExpressServer express = new ExpressServer("reflect-any")) {
            VerifyOptions options = VerifyOptions.of(express.url().toString(), policy, List.of("webkit"),
                    RunSettings.projectRoot());
            VerifyResult local = GridRunTest.verify(options);
            VerifyResult onGrid = GridRunTest.verify(options.withPlacement(VerifyPlacement.of(gridUrl, 1, "0.0.0.0",
                    "127.0.0.1")));
            assertTrue(onGrid.browsers().get("webkit").contains("Selenium Grid " + gridUrl),
                    onGrid.browsers().toString());
            assertTrue(local.findings().size() >= 3, "the misconfigured app gave findings: " + local.findings());
            assertEquals(onGrid.findings(), local.findings());
            assertEquals(GridRunTest.verdicts(onGrid, "webkit"), GridRunTest.verdicts(local, "webkit"));
            assertTrue(GridRunTest.verdicts(local, "webkit").size() > 40, "requests in webkit: "
                    + GridRunTest.verdicts(local, "webkit").size());
        }
    }
}
