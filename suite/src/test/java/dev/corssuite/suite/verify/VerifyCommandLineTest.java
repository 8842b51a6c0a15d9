package dev.corssuite.suite.verify;

import dev.corssuite.suite.cli.CorsSuite;
import org.testng.annotations.Test;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** {@code verify --target --policy} as users type it, in a JVM of its own: bad input ends before any browser starts. */
public class VerifyCommandLineTest {
    private record Outcome(int exit, String output, long ms) {
    }

    private static Outcome run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-Dcors.root=" + Path.of(System.getProperty("cors.root", "..")).toAbsolutePath(),
                CorsSuite.class.getName()));
        command.addAll(List.of(args));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Path policy(String yaml) throws Exception {
        Path file = Files.createTempFile("policy", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    public void aBadPolicyAndABadTargetAreAllReportedAtOnceWithExit2() throws Exception {
        Path bad = policy("""
                origins: ["*", https://app.example.com/]
                methods: [GET, CONNECT]
                credentials: true
                colour: blue
                endpoints: [{path: /api}]
                """);
        Outcome outcome = run("verify", "--target", "localhost:8080", "--policy", bad.toString());
        assertEquals(outcome.exit(), 2, outcome.output());
        assertTrue(outcome.output().contains("--target localhost:8080: write an http:// or https:// URL"),
                outcome.output());
        assertTrue(outcome.output().contains("colour"), outcome.output());
        Path fixed = policy("""
                origins: ["*", https://app.example.com/]
                methods: [GET, CONNECT]
                credentials: true
                endpoints: [{path: /api}]
                """);
        outcome = run("verify", "--target", "http://localhost:8080", "--policy", fixed.toString());
        assertEquals(outcome.exit(), 2, outcome.output());
        for (String expected : List.of("origins[0]: '*' with credentials", "origins[1]: 'https://app.example.com/' "
                + "has a trailing slash", "methods[1]: 'CONNECT' is a forbidden method")) {
            assertTrue(outcome.output().contains(expected), "missing '" + expected + "' in " + outcome.output());
        }
        assertTrue(!outcome.output().contains("[chromium]"), outcome.output());
    }

    @Test
    public void anUnreachableTargetIsOneMessageAndExit2BeforeAnyBrowser() throws Exception {
        Path good = policy("origins: [https://app.example.com]\nmethods: [GET]\nendpoints: [{path: /api}]\n");
        Outcome outcome = run("run", "--target", "http://127.0.0.1:" + closedPort(), "--policy", good.toString());
        assertEquals(outcome.exit(), 2, outcome.output());
        assertTrue(outcome.output().contains("connection refused"), outcome.output());
        assertTrue(outcome.output().contains("no browser was started"), outcome.output());
        assertTrue(!outcome.output().contains("[chromium]") && !outcome.output().contains("Verifying"),
                outcome.output());
    }

    @Test
    public void anOptionThatDoesNotApplyIsRefusedWithExit2() throws Exception {
        Path good = policy("origins: [https://app.example.com]\nmethods: [GET]\nendpoints: [{path: /api}]\n");
        Outcome cases = run("run", "--target", "http://127.0.0.1:" + closedPort(), "--policy", good.toString(),
                "--cases", "get-acao-star");
        assertEquals(cases.exit(), 2, cases.output());
        assertTrue(cases.output().contains("--cases do(es) not apply to verifying a server"), cases.output());
        int noGrid = closedPort();
        Outcome grid = run("verify", "--target", "http://127.0.0.1:" + closedPort(), "--policy", good.toString(),
                "--grid", "http://127.0.0.1:" + noGrid);
        assertEquals(grid.exit(), 2, grid.output());
        assertTrue(grid.output().contains("Selenium Grid at http://127.0.0.1:" + noGrid + " is not reachable"),
                grid.output());
        Outcome sessions = run("verify", "--target", "http://127.0.0.1:" + closedPort(), "--policy", good.toString(),
                "--sessions", "0");
        assertEquals(sessions.exit(), 2, sessions.output());
        assertTrue(sessions.output().contains("--sessions 0: at least one session"), sessions.output());
        Outcome missing = run("verify", "--target", "http://127.0.0.1:" + closedPort());
        assertEquals(missing.exit(), 2, missing.output());
        assertTrue(missing.output().contains("Missing required option: '--policy=FILE'"), missing.output());
    }

    @Test
    public void aTargetWrittenUnlikeBrowsersSendItIsToldTheirFormAndMaxConnectionsIsChecked() throws Exception {
        Path good = policy("origins: [https://app.example.com]\nmethods: [GET]\nendpoints: [{path: /api}]\n");
        Outcome upper = run("verify", "--target", "HTTP://localhost:8080", "--policy", good.toString(),
                "--max-connections", "0");
        assertEquals(upper.exit(), 2, upper.output());
        assertTrue(upper.output().contains("--target HTTP://localhost:8080: has an upper-case scheme; browsers send "
                + "it in lower case: http://localhost:8080"), upper.output());
        assertTrue(upper.output().contains("--max-connections 0: at least one connection is needed"),
                upper.output());
        Outcome idn = run("verify", "--target", "http://b\u00fccher.example:8080/api", "--policy", good.toString());
        assertEquals(idn.exit(), 2, idn.output());
        assertTrue(idn.output().contains("punycode form: http://xn--bcher-kva.example:8080"), idn.output());
    }
}
