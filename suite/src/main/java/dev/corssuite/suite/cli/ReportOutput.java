package dev.corssuite.suite.cli;

import dev.corssuite.suite.report.AllureReport;
import dev.corssuite.suite.report.ReportException;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.writers.AllureResults;
import dev.corssuite.suite.results.writers.ComplianceMatrix;
import dev.corssuite.suite.results.writers.ResultsJson;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes a run's results the same way in every mode: Allure results, matrix, JSON, then the HTML report. */
final class ReportOutput {
    static final int NO_REPORT = 3;

    private ReportOutput() {
    }

    /** Writes everything; returns {@code status}, or {@link #NO_REPORT} when a passing run got no HTML report. */
    static int write(Results results, Path root, Path resultsDir, boolean htmlReport, int status, PrintStream out,
                     PrintStream err) throws IOException {
        Path reports = root.resolve("reports");
        Path folder = resultsDir != null ? resultsDir : reports.resolve("allure-results");
        replaceFolder(folder, staged -> new AllureResults(staged).write(results));
        out.println("Allure results: " + folder);
        Path dir = reports.resolve("out");
        ComplianceMatrix matrix = new ComplianceMatrix(results);
        matrix.write(dir);
        out.println("Compliance matrix: " + dir.resolve("matrix.html") + " (Markdown: matrix.md; JSON: "
                + ResultsJson.write(results, dir).getFileName() + ")");
        String jobSummary = System.getenv("GITHUB_STEP_SUMMARY");
        if (jobSummary != null && !jobSummary.isBlank()) {
            Files.writeString(Path.of(jobSummary), matrix.markdown(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        if (!htmlReport) {
            return status;
        }
        out.println("Generating the HTML report ...");
        try {
            out.println("Report: " + new AllureReport(reports).generate(folder));
            return status;
        } catch (ReportException | UncheckedIOException e) {
            err.println("The HTML report could not be written: " + e.getMessage());
            return status == 0 ? NO_REPORT : status;
        }
    }

    /** The old folder stays whole until the new one is complete, so an interrupted run loses nothing. */
    static void replaceFolder(Path folder, FolderWriter writer) throws IOException {
        Path staged = folder.resolveSibling(folder.getFileName() + ".partial");
        Path previous = folder.resolveSibling(folder.getFileName() + ".previous");
        deleteTree(staged);
        Files.createDirectories(staged);
        try {
            writer.write(staged);
        } catch (IOException | RuntimeException e) {
            deleteTree(staged);
            throw e;
        }
        deleteTree(previous);
        if (Files.exists(folder)) {
            Files.move(folder, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staged, folder, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(previous);
    }

    interface FolderWriter {
        void write(Path folder) throws IOException;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
