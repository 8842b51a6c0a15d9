package dev.corssuite.suite.api;

import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.verify.findings.Severity;

import java.util.List;

/**
 * A finding as the API reports it: kind, severity, every evidence line, and which of those lines a baseline
 * accepts ({@code accepted}) and which are new ({@code fresh}; all of them without a baseline).
 */
public record ReportedFinding(FindingKind kind, Severity severity, List<String> evidence, List<String> fresh,
                              List<String> accepted) {
    public ReportedFinding {
        evidence = List.copyOf(evidence);
        fresh = List.copyOf(fresh);
        accepted = List.copyOf(accepted);
    }

    public boolean isNew() {
        return !fresh.isEmpty();
    }

    public String title() {
        return kind.title();
    }
}
