package dev.corssuite.suite.serve;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.corssuite.suite.runner.Progress;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import dev.corssuite.suite.verify.TargetVerification;
import dev.corssuite.suite.verify.VerifyOptions;
import dev.corssuite.suite.verify.VerifyResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the page's single request through {@link TargetVerification#executeOne}: the same input checks, target check,
 * proxy, runner, browser-free answers, oracle and findings as {@code verify}, against the one-endpoint policy the
 * form states. Bad input comes back as the command line's lines.
 */
final class SingleRequestRun {
    private final Path root;
    private final Path scratch;
    private final List<String> browsers;

    /** {@code scratch}: where the request's policy file is written (its name appears in messages about it). */
    SingleRequestRun(Path root, Path scratch, List<String> browsers) {
        this.root = root;
        this.scratch = scratch;
        this.browsers = List.copyOf(browsers);
    }

    /** What came of it: the verification, or the problems (each as the command line prints it), and the log. */
    record Ran(SingleRequestForm form, VerifyResult result, CorsPolicy policy, List<String> problems, String log) {
        boolean badInput() {
            return result == null;
        }
    }

    Ran run(SingleRequestForm form) throws IOException {
        List<String> formProblems = form.problems();
        if (!formProblems.isEmpty()) {
            return new Ran(form, null, null, formProblems, "");
        }
        Path policy = scratch.resolve("request-policy.yaml");
        new YAMLMapper().writeValue(policy.toFile(), form.policy());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        VerifyResult result;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            result = TargetVerification.executeOne(VerifyOptions.of(form.targetBase(), policy, browsers, root)
                    .withListener(Progress.silent(), VerifyOptions.BATCH_SIZE), p -> form.planned(), o, e);
        }
        String errors = err.toString(StandardCharsets.UTF_8);
        if (result.exitCode() == TargetVerification.BAD_INPUT) {
            return new Ran(form, null, null, new ArrayList<>(errors.strip().lines().toList()),
                    out.toString(StandardCharsets.UTF_8));
        }
        CorsPolicy loaded = PolicyLoader.load(policy, root.resolve("fixtures").resolve("schema")
                .resolve("cors-policy.schema.json"));
        return new Ran(form, result, loaded, List.of(), out.toString(StandardCharsets.UTF_8) + errors);
    }
}
