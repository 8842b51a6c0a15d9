package dev.corssuite.suite.verify.baseline;

import dev.corssuite.suite.verify.findings.Finding;

import java.util.List;

/** Findings held against a baseline: per finding its new and its accepted evidence, and the stale entries. */
public record Judgement(List<Judged> findings, List<BaselineEntry> stale) {
    public Judgement {
        findings = List.copyOf(findings);
        stale = List.copyOf(stale);
    }

    /** A finding with the evidence lines no entry accepts ({@code fresh}) and those an entry accepts. */
    public record Judged(Finding finding, List<String> fresh, List<String> accepted) {
        public Judged {
            fresh = List.copyOf(fresh);
            accepted = List.copyOf(accepted);
        }

        /** Whether anything of it is not in the baseline. */
        public boolean isNew() {
            return !fresh.isEmpty();
        }
    }
}
