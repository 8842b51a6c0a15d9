package dev.corssuite.suite.verify;

import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.oracle.Prediction;
import dev.corssuite.suite.verdict.Observation;
import dev.corssuite.suite.verify.direct.DirectAnswers;
import dev.corssuite.suite.verify.direct.RawAnswer;
import dev.corssuite.suite.verify.matrix.PlannedRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything known about one request of the matrix: the policy's intent, the browser-free answers and what the
 * oracle makes of them, each browser's observation, the engines where the suite itself failed to run it
 * ({@code infrastructureErrors}: engine -> reason, never a verdict), and why no browser ran it ({@code notInBrowsers}).
 */
public record RequestOutcome(PlannedRequest request, Prediction intent, DirectAnswers direct,
                             Prediction fromAnswers, Map<String, Observation> browsers,
                             Map<String, String> infrastructureErrors, String notInBrowsers) {
    public RequestOutcome {
        browsers = new LinkedHashMap<>(browsers);
        infrastructureErrors = new LinkedHashMap<>(infrastructureErrors);
    }

    public boolean intendedAllowed() {
        return intent.verdict() == Verdict.ALLOWED;
    }

    /** Whether an engine did what the policy intends (allowed or not); empty when it has no verdict for it. */
    public Optional<Boolean> asIntended(String engine) {
        Observation o = browsers.get(engine);
        return o == null ? Optional.empty() : Optional.of((o.verdict() == Verdict.ALLOWED) == intendedAllowed());
    }

    public boolean allAsIntended() {
        return browsers.keySet().stream().allMatch(e -> asIntended(e).orElse(true));
    }

    /** The answers that decided the outcome: the preflight's when one was needed, and the actual one's. */
    public String answersSummary() {
        RawAnswer preflight = direct.preflight();
        return (preflight == null ? "" : "OPTIONS -> " + preflight.corsSummary() + "; ")
                + request.method() + " -> " + direct.actual().corsSummary();
    }
}
