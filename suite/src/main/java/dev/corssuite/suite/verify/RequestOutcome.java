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
 * ({@code infrastructureErrors}: engine -> reason, never a verdict), why no browser ran it ({@code notInBrowsers}),
 * and the engines whose verdict a known engine deviation explains ({@code knownDeviations}).
 */
public record RequestOutcome(PlannedRequest request, Prediction intent, DirectAnswers direct,
                             Prediction fromAnswers, Map<String, Observation> browsers,
                             Map<String, String> infrastructureErrors, String notInBrowsers,
                             Map<String, EngineDeviation> knownDeviations) {
    public RequestOutcome {
        browsers = new LinkedHashMap<>(browsers);
        infrastructureErrors = new LinkedHashMap<>(infrastructureErrors);
        knownDeviations = Map.copyOf(knownDeviations);
    }

    /** The same outcome with each engine's verdict that one of {@code rules} explains marked as a known deviation. */
    public RequestOutcome explainedBy(EngineDeviations rules) {
        Map<String, EngineDeviation> explained = new LinkedHashMap<>();
        browsers.forEach((engine, observed) -> rules.explaining(engine, request.spec().api(), intent.verdict(),
                observed.verdict()).ifPresent(rule -> explained.put(engine, rule)));
        return new RequestOutcome(request, intent, direct, fromAnswers, browsers, infrastructureErrors, notInBrowsers,
                explained);
    }

    public Optional<EngineDeviation> knownDeviation(String engine) {
        return Optional.ofNullable(knownDeviations.get(engine));
    }

    public boolean intendedAllowed() {
        return intent.verdict() == Verdict.ALLOWED;
    }

    /**
     * Whether an engine did what the policy intends (allowed or not), or what its known deviation explains; empty
     * when it has no verdict for it.
     */
    public Optional<Boolean> asIntended(String engine) {
        Observation o = browsers.get(engine);
        return o == null ? Optional.empty() : Optional.of((o.verdict() == Verdict.ALLOWED) == intendedAllowed()
                || knownDeviations.containsKey(engine));
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
