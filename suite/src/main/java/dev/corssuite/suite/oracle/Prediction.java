package dev.corssuite.suite.oracle;

import dev.corssuite.suite.facts.Facts;
import dev.corssuite.suite.facts.Verdict;

import java.util.List;

/**
 * What the Fetch standard says happens to a request (the last of a sequence), and why. The facts' hops name the
 * origin each request arrived at ({@code at}) and its Origin header ("" when absent).
 */
public record Prediction(Facts facts, List<String> reasons) {
    public Prediction {
        reasons = List.copyOf(reasons);
    }

    public Verdict verdict() {
        return facts.verdict();
    }
}
