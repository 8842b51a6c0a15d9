package dev.corssuite.suite.verify;

import dev.corssuite.suite.runner.Runner;
import dev.corssuite.suite.verify.direct.DirectBatch;

import java.nio.file.Path;
import java.util.List;

/**
 * What a verification is asked to do: the target URL and policy file as the user wrote them, the browsers (empty or
 * "all": every installed one), the project root holding {@code fixtures/}, requests per script call, who hears
 * about progress (null: a progress line per batch on the output), whether engines may run side by side (they do
 * when the machine has the cores and memory), how many browser-free requests may be open on the target at once, and
 * where the browsers run ({@link VerifyPlacement}).
 */
public record VerifyOptions(String target, Path policy, List<String> browsers, Path root, int batchSize,
                            Runner.Listener listener, boolean parallel, int maxConnections,
                            VerifyPlacement placement) {
    public static final int BATCH_SIZE = 100;

    public VerifyOptions {
        browsers = List.copyOf(browsers);
    }

    public static VerifyOptions of(String target, Path policy, List<String> browsers, Path root) {
        return new VerifyOptions(target, policy, browsers, root, BATCH_SIZE, null, true,
                DirectBatch.DEFAULT_MAX_CONNECTIONS, VerifyPlacement.LOCAL);
    }

    public VerifyOptions withListener(Runner.Listener progress, int size) {
        return new VerifyOptions(target, policy, browsers, root, size, progress, parallel, maxConnections, placement);
    }

    public VerifyOptions withEngines(boolean sideBySide, int connections) {
        return new VerifyOptions(target, policy, browsers, root, batchSize, listener, sideBySide, connections,
                placement);
    }

    public VerifyOptions withPlacement(VerifyPlacement where) {
        return new VerifyOptions(target, policy, browsers, root, batchSize, listener, parallel, maxConnections, where);
    }
}
