package dev.corssuite.suite.runner;

import dev.corssuite.suite.verdict.Observation;

/**
 * What running one job gave: an observation, or an infrastructure error (the suite's own fault: the browser crashed,
 * the script call failed, the proxy failed) with its reason. An infrastructure error is never a verdict.
 */
public record ProbeOutcome(Observation observation, String infrastructureError) {
    public static ProbeOutcome observed(Observation observation) {
        return new ProbeOutcome(observation, null);
    }

    public static ProbeOutcome failed(String reason) {
        return new ProbeOutcome(null, reason);
    }

    public boolean observed() {
        return observation != null;
    }
}
