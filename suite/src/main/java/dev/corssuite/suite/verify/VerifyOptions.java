package dev.corssuite.suite.verify;

import dev.corssuite.suite.runner.Runner;

import java.nio.file.Path;
import java.util.List;

/**
 * What a verification is asked to do: the target URL and policy file as the user wrote them, the browsers (empty or
 * "all": every installed one), the project root holding {@code fixtures/}, requests per script call, who hears
 * about progress (null: a progress line per batch on the output), and whether engines may run side by side (they do
 * when the machine has the cores and memory).
 */
public record VerifyOptions(String target, Path policy, List<String> browsers, Path root, int batchSize,
                            Runner.Listener listener, boolean parallel) {
    public static final int BATCH_SIZE = 100;

    public VerifyOptions {
        browsers = List.copyOf(browsers);
    }

    public static VerifyOptions of(String target, Path policy, List<String> browsers, Path root) {
        return new VerifyOptions(target, policy, browsers, root, BATCH_SIZE, null, true);
    }
}
