package dev.corssuite.suite.cli;

import dev.corssuite.suite.cli.CliProcess.Outcome;
import org.testng.annotations.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** The command line as users run it, in a separate JVM, against a copy of the fixtures with one change. */
public class CommandLineTest {
    @Test
    public void aBrokenRowIsRefusedWithFileRowAndFieldBeforeAnyBrowserStarts() throws Exception {
        Path root = CliProcess.copyOfProject();
        CliProcess.edit(root, "simple-requests.yaml", "expect: {verdict: ALLOWED, preflight: false, reached: true, status: 200}\n\n"
                + "  - id: get-acao-exact", "expect: {verdict: ALOWED, preflight: false, reached: true, status: 200}\n\n"
                + "  - id: get-acao-exact");
        Outcome outcome = CliProcess.run(root, "run", "--results", root.resolve("results").toString(), "--no-report");
        assertEquals(outcome.exit(), 2, outcome.output());
        assertTrue(outcome.output().contains("simple-requests.yaml, row get-acao-star, field expect.verdict"),
                outcome.output());
        assertTrue(!outcome.output().contains("[chromium]"), "no browser ran: " + outcome.output());
    }

    @Test(groups = "browser")
    public void aFlippedExpectationFailsTheRunNamingTheCase() throws Exception {
        Path root = CliProcess.copyOfProject();
        CliProcess.edit(root, "simple-requests.yaml", "request: {to: cross-port, method: HEAD}\n    expect: {verdict: ALLOWED, "
                + "preflight: false", "request: {to: cross-port, method: HEAD}\n    expect: {verdict: ALLOWED, "
                + "preflight: true");
        Outcome outcome = CliProcess.run(root, "run", "--browsers", "chromium", "--cases", "head-acao-star,get-acao-star",
                "--results", root.resolve("results").toString(), "--no-report");
        assertEquals(outcome.exit(), 1, outcome.output());
        assertTrue(outcome.output().contains("chromium  1 matched, 1 differed, 0 known deviations"), outcome.output());
        assertTrue(outcome.output().contains("case head-acao-star (simple-requests.yaml): preflight sent: expected "
                + "true, got false"), outcome.output());
    }

    @Test(groups = "browser")
    public void theUnchangedTableMatchesAndExitsZero() throws Exception {
        Path root = CliProcess.copyOfProject();
        Outcome outcome = CliProcess.run(root, "run", "--browsers", "chromium", "--cases", "head-acao-star,get-acao-star",
                "--results", root.resolve("results").toString(), "--no-report");
        assertEquals(outcome.exit(), 0, outcome.output());
        assertTrue(outcome.output().contains("chromium  2 matched, 0 differed, 0 known deviations"), outcome.output());
        try (Stream<Path> results = Files.list(root.resolve("results"))) {
            assertEquals(results.filter(p -> p.toString().endsWith("-result.json")).count(), 2);
        }
    }
}
