package dev.corssuite.suite.cli;

import dev.corssuite.suite.report.AllureReport;
import dev.corssuite.suite.report.ReportException;
import dev.corssuite.suite.run.ConformanceTest;
import dev.corssuite.suite.verify.TargetVerification;
import dev.corssuite.suite.verify.direct.DirectBatch;
import dev.corssuite.suite.verify.VerifyAllureResults;
import dev.corssuite.suite.verify.VerifyResult;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.run.RunSummary;
import org.testng.TestNG;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** Runs the table in every chosen browser and prints the per-browser summary. */
@Command(name = "run", description = "Run the case table in real browsers; exit 1 when any case differs.")
final class RunCommand implements Callable<Integer> {
    static final int DIFFERED = 1;
    static final int NO_REPORT = 3;

    @Option(names = "--browsers", description = "Comma-separated: chromium, firefox, webkit (default: all installed)",
            defaultValue = "all")
    String browsers;

    @Option(names = "--cases", description = "Only these case ids or areas (comma-separated)", defaultValue = "")
    String cases;

    @Option(names = "--results", description = "Allure results folder (default: reports/allure-results)")
    Path results;

    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write the HTML report reports/allure-report/index.html (default: yes; --no-report skips it)")
    boolean report;

    @Mixin
    PlacementOptions placement;

    @Option(names = "--target", description = "Verify this running server (http[s]://host:port) against --policy")
    String target;

    @Option(names = "--policy", description = "The CORS policy the --target server intends (YAML, see README)")
    Path policy;

    @Option(names = "--max-connections", defaultValue = "" + DirectBatch.DEFAULT_MAX_CONNECTIONS,
            description = "With --target: at most this many browser-free requests open on it at once (default: "
                    + DirectBatch.DEFAULT_MAX_CONNECTIONS + ")")
    int maxConnections;

    @Override
    public Integer call() throws IOException {
        if (target != null || policy != null) {
            if (placement.grid != null || placement.bind != null || placement.advertiseHost != null) {
                System.err.println("--target/--policy run the browsers on this machine behind a local proxy; "
                        + "--grid, --bind and --advertise-host do not apply to them yet");
                return RunInputs.BAD_INPUT;
            }
            return verify();
        }
        Optional<RunInputs> inputs = RunInputs.resolve(placement, browsers, cases, System.err);
        if (inputs.isEmpty()) {
            return RunInputs.BAD_INPUT;
        }
        RunSettings settings = inputs.get().settings();
        inputs.get().selection().skipped().forEach((name, why) -> System.out.println("skipped " + name + ": " + why));
        Path resultsDir = results != null ? results : settings.root().resolve("reports").resolve("allure-results");
        deleteTree(resultsDir);
        Files.createDirectories(resultsDir);
        System.setProperty("allure.results.directory", resultsDir.toString());

        RunSummary summary = new RunSummary(System.out);
        TestNG testng = new TestNG();
        testng.setTestClasses(new Class<?>[] {ConformanceTest.class});
        testng.setUseDefaultListeners(false);
        testng.setOutputDirectory(settings.root().resolve("reports").resolve("out").resolve("testng").toString());
        testng.addListener(summary);
        testng.setVerbose(0);
        testng.setDefaultSuiteName("CORS conformance");
        testng.setDefaultTestName("case table");
        testng.run();
        System.out.println("Allure results: " + resultsDir);
        Path out = settings.root().resolve("reports").resolve("out");
        summary.matrix().write(out);
        System.out.println("Compliance matrix: " + out.resolve("matrix.html") + " (Markdown: matrix.md)");
        String jobSummary = System.getenv("GITHUB_STEP_SUMMARY");
        if (jobSummary != null && !jobSummary.isBlank()) {
            Files.writeString(Path.of(jobSummary), summary.matrix().markdown(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        int status = summary.allMatched() ? 0 : DIFFERED;
        return report ? withReport(status, settings.root().resolve("reports"), resultsDir) : status;
    }

    private int verify() throws IOException {
        VerifyResult verification = TargetVerification.execute(target, policy, browsers, maxConnections, System.out,
                System.err);
        if (verification.exitCode() == TargetVerification.BAD_INPUT || !report) {
            return verification.exitCode();
        }
        Path reports = RunSettings.fromSystem().root().resolve("reports");
        Path resultsDir = results != null ? results : reports.resolve("allure-results");
        deleteTree(resultsDir);
        Files.createDirectories(resultsDir);
        new VerifyAllureResults(resultsDir, URI.create(target)).write(verification);
        return withReport(verification.exitCode(), reports, resultsDir);
    }

    /** Writes the HTML report; a run that passed but has no report exits {@link #NO_REPORT}. */
    private static int withReport(int status, Path reports, Path resultsDir) {
        System.out.println("Generating the HTML report ...");
        try {
            System.out.println("Report: " + new AllureReport(reports).generate(resultsDir));
            return status;
        } catch (ReportException | UncheckedIOException e) {
            System.err.println("The HTML report could not be written: " + e.getMessage());
            return status == 0 ? NO_REPORT : status;
        }
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
