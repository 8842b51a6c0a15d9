package dev.corssuite.suite.cli;

import org.testng.annotations.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** The command line as users run it, in a separate JVM, against a copy of the fixtures with one change. */
public class CommandLineTest {
    private static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");

    private record Outcome(int exit, String output) {
    }

    private static Path copyOfProject() throws IOException {
        Path root = Files.createTempDirectory("cors-root");
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            for (Path source : walk.toList()) {
                Path target = root.resolve("fixtures").resolve(FIXTURES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return root;
    }

    private static void edit(Path root, String file, String from, String to) throws IOException {
        Path path = root.resolve("fixtures").resolve("cases").resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " no longer contains: " + from);
        Files.writeString(path, text.replace(from, to));
    }

    private static Outcome run(Path root, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcors.root=" + root, CorsSuite.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    public void aBrokenRowIsRefusedWithFileRowAndFieldBeforeAnyBrowserStarts() throws Exception {
        Path root = copyOfProject();
        edit(root, "simple-requests.yaml", "expect: {verdict: ALLOWED, preflight: false, reached: true, status: 200}\n\n"
                + "  - id: get-acao-exact", "expect: {verdict: ALOWED, preflight: false, reached: true, status: 200}\n\n"
                + "  - id: get-acao-exact");
        Outcome outcome = run(root, "run", "--results", root.resolve("results").toString());
        assertEquals(outcome.exit(), 2, outcome.output());
        assertTrue(outcome.output().contains("simple-requests.yaml, row get-acao-star, field expect.verdict"),
                outcome.output());
        assertTrue(!outcome.output().contains("[chromium]"), "no browser ran: " + outcome.output());
    }

    @Test(groups = "browser")
    public void aFlippedExpectationFailsTheRunNamingTheCase() throws Exception {
        Path root = copyOfProject();
        edit(root, "simple-requests.yaml", "request: {to: cross-port, method: HEAD}\n    expect: {verdict: ALLOWED, "
                + "preflight: false", "request: {to: cross-port, method: HEAD}\n    expect: {verdict: ALLOWED, "
                + "preflight: true");
        Outcome outcome = run(root, "run", "--browsers", "chromium", "--cases", "head-acao-star,get-acao-star",
                "--results", root.resolve("results").toString());
        assertEquals(outcome.exit(), 1, outcome.output());
        assertTrue(outcome.output().contains("chromium  1 matched, 1 differed, 0 known deviations"), outcome.output());
        assertTrue(outcome.output().contains("case head-acao-star (simple-requests.yaml): preflight sent: expected "
                + "true, got false"), outcome.output());
    }

    @Test(groups = "browser")
    public void theUnchangedTableMatchesAndExitsZero() throws Exception {
        Path root = copyOfProject();
        Outcome outcome = run(root, "run", "--browsers", "chromium", "--cases", "head-acao-star,get-acao-star",
                "--results", root.resolve("results").toString());
        assertEquals(outcome.exit(), 0, outcome.output());
        assertTrue(outcome.output().contains("chromium  2 matched, 0 differed, 0 known deviations"), outcome.output());
        try (Stream<Path> results = Files.list(root.resolve("results"))) {
            assertEquals(results.filter(p -> p.toString().endsWith("-result.json")).count(), 2);
        }
    }
}
