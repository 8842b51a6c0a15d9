package dev.corssuite.suite.cli;

import dev.corssuite.suite.api.CorsVerification;
import dev.corssuite.suite.api.CorsVerificationException;
import dev.corssuite.suite.api.Verification;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.verify.TargetVerification;
import dev.corssuite.suite.verify.direct.DirectBatch;
import dev.corssuite.suite.verify.findings.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Verifies a running server against its declared CORS policy in real browsers, through the public API. */
@Command(name = "verify", description = "Verify your running server against its CORS policy in real browsers; "
        + "exit 1 when a browser does not do what the policy intends or something is found.")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "The running server to verify (http[s]://host:port)")
    String target;

    @Option(names = "--policy", required = true, paramLabel = "FILE",
            description = "The CORS policy the server intends (YAML, see README)")
    Path policy;

    @Mixin
    OutputOptions output;

    @Mixin
    PlacementOptions placement;

    @Option(names = "--max-connections", defaultValue = "" + DirectBatch.DEFAULT_MAX_CONNECTIONS,
            description = "At most this many browser-free requests open on the target at once (default: "
                    + DirectBatch.DEFAULT_MAX_CONNECTIONS + ")")
    int maxConnections;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "info",
            description = "Least severity that fails: critical, high, medium, low, info (default: info, every finding)")
    String failOn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Accepted findings (YAML, see README): only findings not listed there fail")
    Path baseline;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0")
    Path sarif;

    /** {@code run --target --policy}: the same verification with the defaults for the newer options. */
    static int verify(String target, Path policy, OutputOptions output, PlacementOptions placement,
                      int maxConnections) throws IOException {
        VerifyCommand command = new VerifyCommand();
        command.target = target;
        command.policy = policy;
        command.output = output;
        command.placement = placement;
        command.maxConnections = maxConnections;
        command.failOn = Severity.INFO.id();
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
            verification = CorsVerification.target(target).policy(policy).browsers(RunSettings.split(output.browsers))
                    .workDir(root).failOn(threshold).baseline(baseline).sarif(sarif).maxConnections(maxConnections)
                    .sideBySide(!output.serial).grid(placement.grid, placement.sessions)
                    .proxyAddress(placement.bind, placement.advertiseHost).run();
        } catch (CorsVerificationException e) {
            System.err.println(e.getMessage());
            return TargetVerification.BAD_INPUT;
        }
        if (baseline != null || threshold != Severity.INFO) {
            System.out.print(verification.describe());
        }
        Path folder = verification.reportFolder();
        System.out.println("Report: " + folder.resolve("verify.md") + " (JSON: " + folder.resolve("verify.json") + ")");
        return ReportOutput.write(verification.results(), root, output.results, output.report,
                verification.exitCode(), System.out, System.err);
    }
}
