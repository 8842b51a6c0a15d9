package dev.corssuite.suite.verdict;

import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.suite.facts.Facts;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.probe.ProbeResult;

import java.util.List;

/** What happened to one request in one browser: the facts, and the evidence they come from. */
public record Observation(Facts facts, ProbeResult page, List<RecordedRequest> journal) {
    public Observation {
        journal = List.copyOf(journal);
    }

    public Verdict verdict() {
        return facts.verdict();
    }

    /** How the facts differ from an expectation, the page's error text added to a verdict that differs. */
    public List<String> differencesFrom(Facts expected) {
        return Facts.differences(expected, facts).stream()
                .map(d -> d.startsWith("verdict:") && page.error() != null ? d + " (" + page.error() + ")" : d)
                .toList();
    }
}
