package dev.corssuite.suite.cli;

import dev.corssuite.suite.api.CorsVerification;
import dev.corssuite.suite.api.CorsVerificationException;
import dev.corssuite.suite.api.Verification;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.verify.TargetVerification;
import dev.corssuite.suite.verify.findings.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Verifies a running server against its declared CORS policy in real browsers, through {@link CorsVerification}. */
@Command(name = "verify", description = "Verify your running server against its CORS policy in real browsers; "
        + "exit 1 when a new finding is at or above --fail-on, or the suite could not run a request.")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "The running server to verify (http[s]://host:port)")
    String target;

    @Option(names = "--policy", required = true, paramLabel = "FILE",
            description = "The CORS policy the server intends (YAML, see README)")
    Path policy;

    @Option(names = "--browsers", description = "Comma-separated: chromium, firefox, webkit (default: all installed)",
            defaultValue = "all")
    String browsers;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "info",
            description = "Least severity that fails: critical, high, medium, low, info (default: info, every finding)")
    String failOn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Accepted findings (YAML, see README): only findings not listed there fail")
    Path baseline;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0")
    Path sarif;

    @Option(names = "--results", description = "Allure results folder (default: reports/allure-results)")
    Path results;

    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write the HTML report reports/allure-report/index.html (default: yes; --no-report skips it)")
    boolean report;

    /** {@code run --target --policy}: the same verification with the defaults for the newer options. */
    static int verify(String target, Path policy, String browsers, Path results, boolean report) throws IOException {
        VerifyCommand command = new VerifyCommand();
        command.target = target;
        command.policy = policy;
        command.browsers = browsers;
        command.failOn = "info";
        command.results = results;
        command.report = report;
        return command.call();
    }

    @Override
    public Integer call() throws IOException {
        Path root;
        Severity threshold;
        try {
            root = RunSettings.projectRoot();
            threshold = Severity.parse(failOn);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return TargetVerification.BAD_INPUT;
        }
        Verification verification;
        try {
            verification = CorsVerification.target(target).policy(policy).browsers(RunSettings.split(browsers))
                    .workDir(root).failOn(threshold).baseline(baseline).sarif(sarif).run();
        } catch (CorsVerificationException e) {
            System.err.println(e.getMessage());
            return TargetVerification.BAD_INPUT;
        }
        if (baseline != null || threshold != Severity.INFO) {
            System.out.print(verification.describe());
        }
        return ReportOutput.write(verification.results(), root, results, report, verification.exitCode(),
                System.out, System.err);
    }
}
