package dev.corssuite.suite.api;

import dev.corssuite.suite.facts.Verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the verification: what it was, the verdict the policy intends, each engine's verdict, and the
 * engines where the suite itself failed to run it (engine -> reason; never a verdict).
 */
public record RequestResult(String id, String description, Verdict intended, Map<String, Verdict> browsers,
                            Map<String, String> infrastructureErrors) {
    public RequestResult {
        browsers = Collections.unmodifiableMap(new LinkedHashMap<>(browsers));
        infrastructureErrors = Collections.unmodifiableMap(new LinkedHashMap<>(infrastructureErrors));
    }

    /** Whether every engine that reached a verdict reached the intended one. */
    public boolean asIntended() {
        return browsers.values().stream().allMatch(v -> (v == Verdict.ALLOWED) == (intended == Verdict.ALLOWED));
    }
}
