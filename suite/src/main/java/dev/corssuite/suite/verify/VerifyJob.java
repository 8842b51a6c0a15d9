package dev.corssuite.suite.verify;

import dev.corssuite.suite.probe.ProbeCase;
import dev.corssuite.suite.runner.Job;
import dev.corssuite.suite.runner.Staged;
import dev.corssuite.suite.verify.matrix.PlannedRequest;

import java.util.function.BiFunction;

/**
 * A request of the matrix as a runner job: from a frame of its origin (sandboxed for {@code null}), grouped by
 * endpoint (a browser opens few connections per host, so a hanging endpoint would starve the others in one call),
 * its probe id unique per engine so the traffic of two browsers never mixes.
 */
record VerifyJob(PlannedRequest request, BiFunction<PlannedRequest, String, String> urlFor) implements Job {
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
        String id = engine + "-" + request.id();
        return Staged.of(ProbeCase.single(id, urlFor.apply(request, id), request.spec(), request.from().servedAt(),
                request.from().sandboxed()));
    }
}
