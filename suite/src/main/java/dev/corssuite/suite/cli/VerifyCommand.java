package dev.corssuite.suite.cli;

import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.verify.TargetVerification;
import dev.corssuite.suite.verify.VerifyOptions;
import dev.corssuite.suite.verify.VerifyResult;
import dev.corssuite.suite.verify.direct.DirectBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Verifies a running server against its declared CORS policy in real browsers. */
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

    @Option(names = "--max-connections", defaultValue = "" + DirectBatch.DEFAULT_MAX_CONNECTIONS,
            description = "At most this many browser-free requests open on the target at once (default: "
                    + DirectBatch.DEFAULT_MAX_CONNECTIONS + ")")
    int maxConnections;

    @Override
    public Integer call() throws IOException {
        return verify(target, policy, output, maxConnections);
    }

    static int verify(String target, Path policy, OutputOptions output, int maxConnections) throws IOException {
        Path root;
        try {
            root = RunSettings.projectRoot();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return TargetVerification.BAD_INPUT;
        }
        VerifyResult verification = TargetVerification.execute(VerifyOptions.of(target, policy,
                RunSettings.split(output.browsers), root).withEngines(!output.serial, maxConnections), System.out,
                System.err);
        if (verification.exitCode() == TargetVerification.BAD_INPUT) {
            return verification.exitCode();
        }
        Path dir = root.resolve("reports").resolve("out");
        verification.report().write(dir);
        System.out.println("Report: " + dir.resolve("verify.md") + " (JSON: " + dir.resolve("verify.json") + ")");
        return ReportOutput.write(verification.results(), root, output.results, output.report, verification.exitCode(),
                System.out, System.err);
    }
}
