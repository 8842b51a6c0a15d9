package dev.corssuite.suite.runner;

import dev.corssuite.suite.results.EngineRun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One engine's run of its jobs: who ran them (version, how driven) and each job's outcome by key. */
public record EngineResult(EngineRun engine, Map<String, ProbeOutcome> outcomes) {
    /** What the runner's session ran. */
    public static EngineResult ran(Runner runner, Map<String, ProbeOutcome> outcomes) {
        return new EngineResult(new EngineRun(runner.session().name(), runner.session().version(),
                runner.session().drivenBy()), outcomes);
    }

    /** The engine did not start: every job is an infrastructure error with {@code reason}. */
    public static EngineResult notStarted(String engine, List<? extends Job> jobs, String reason, Throwable cause) {
        Map<String, ProbeOutcome> failed = new LinkedHashMap<>();
        jobs.forEach(j -> failed.put(j.key(), ProbeOutcome.failed(reason)));
        return new EngineResult(new EngineRun(engine, "unknown", "did not start: "
                + String.valueOf(cause.getMessage()).lines().findFirst().orElse("")), failed);
    }
}
