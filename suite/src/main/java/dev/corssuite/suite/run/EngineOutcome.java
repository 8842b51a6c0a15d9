package dev.corssuite.suite.run;

import dev.corssuite.suite.verdict.Observation;

import java.util.Map;

/** A browser's run of the table: who ran it and each row's observation, or why it could not run. */
public record EngineOutcome(String browser, String version, String drivenBy, Map<String, Observation> observations,
                            RuntimeException failure) {

    static EngineOutcome failed(String browser, RuntimeException failure) {
        return new EngineOutcome(browser, "unknown", "not started", Map.of(), failure);
    }

    public boolean ran() {
        return failure == null;
    }
}
