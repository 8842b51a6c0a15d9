package dev.corssuite.suite.verify.findings;

import java.util.List;

/** One misconfiguration with its evidence lines (each a request and what came back). */
public record Finding(FindingKind kind, List<String> evidence) {
    public Finding {
        evidence = List.copyOf(evidence);
    }
}
