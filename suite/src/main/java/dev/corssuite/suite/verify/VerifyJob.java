package dev.corssuite.suite.verify;

import dev.corssuite.suite.probe.ProbeCase;
import dev.corssuite.suite.runner.Job;
import dev.corssuite.suite.runner.Staged;
import dev.corssuite.suite.verify.matrix.PlannedRequest;

import java.util.function.BiFunction;

/**
 * A request of the matrix as a runner job: from a frame of its origin (sandboxed for {@code null}), grouped by
 * endpoint (a browser opens few connections per host, so a hanging endpoint would starve the others in one call),
 * its probe id unique per engine (and per attempt, {@code suffix}) so the traffic of two browsers or two tries never
 * mixes and no preflight cache entry is reused.
 */
record VerifyJob(PlannedRequest request, BiFunction<PlannedRequest, String, String> urlFor, String suffix)
        implements Job {
    VerifyJob(PlannedRequest request, BiFunction<PlannedRequest, String, String> urlFor) {
        this(request, urlFor, "");
    }

    /** The same request, tried again under new probe ids. */
    VerifyJob again(String attempt) {
        return new VerifyJob(request, urlFor, attempt);
    }

    String probeId(String engine) {
        return engine + "-" + request.id() + suffix;
    }

    @Override
    public String key() {
        return request.id();
    }

    @Override
    public String group() {
        return request.path();
    }

    @Override
    public Staged stage(String engine) {
        String id = probeId(engine);
        return Staged.of(ProbeCase.single(id, urlFor.apply(request, id), request.spec(), request.from().servedAt(),
                request.from().sandboxed()));
    }
}
