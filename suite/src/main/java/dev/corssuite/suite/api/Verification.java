package dev.corssuite.suite.api;

import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.Status;
import dev.corssuite.suite.verify.baseline.BaselineEntry;
import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.verify.findings.Severity;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a verification found: every request with the intended verdict and each engine's, the findings with severity
 * and evidence (split by the baseline), stale baseline entries, and the results model for the writers.
 * It passes when a browser ran, the suite had no infrastructure error, and no new finding is at or above
 * {@code failOn}. {@code fixes} is {@code fixes.md} (what to change per finding, and the configuration for nginx,
 * Express and Spring that implements the policy), null without findings.
 */
public record Verification(String target, Results results, List<RequestResult> requests,
                           List<ReportedFinding> findings, List<BaselineEntry> staleBaselineEntries,
                           Severity failOn, Path reportFolder, Path fixes) {
    public Verification {
        requests = List.copyOf(requests);
        findings = List.copyOf(findings);
        staleBaselineEntries = List.copyOf(staleBaselineEntries);
    }

    /** The new findings at or above {@code failOn}: what fails the verification. */
    public List<ReportedFinding> failing() {
        return findings.stream().filter(f -> f.isNew() && f.severity().atLeast(failOn)).toList();
    }

    public int infrastructureErrors() {
        return results.count(Status.INFRASTRUCTURE_ERROR);
    }

    public boolean passed() {
        return !results.engines().isEmpty() && infrastructureErrors() == 0 && failing().isEmpty();
    }

    public int exitCode() {
        return passed() ? 0 : 1;
    }

    public Set<FindingKind> kinds() {
        return findings.stream().map(ReportedFinding::kind).collect(Collectors.toSet());
    }

    /** Readable text: a line per engine, then each finding with its severity and evidence, then stale entries. */
    public String describe() {
        StringBuilder text = new StringBuilder("CORS verification of " + target + ": "
                + (passed() ? "passed" : "FAILED") + " (fail on " + failOn.id() + " and above)\n");
        results.engines().forEach(e -> {
            var counts = results.counts(e.name());
            text.append("  ").append(e.name()).append(' ').append(e.version()).append(": ")
                    .append(counts.get(Status.MATCHED)).append(" of ").append(requests.size())
                    .append(" requests as the policy intends");
            if (counts.get(Status.KNOWN_DEVIATION) > 0) {
                text.append(", ").append(counts.get(Status.KNOWN_DEVIATION)).append(" as the engine's known deviation");
            }
            if (counts.get(Status.INFRASTRUCTURE_ERROR) > 0) {
                text.append(", ").append(counts.get(Status.INFRASTRUCTURE_ERROR)).append(" infrastructure errors");
            }
            text.append('\n');
        });
        results.skipped().forEach((name, why) -> text.append("  ").append(name).append(" skipped: ").append(why)
                .append('\n'));
        if (findings.isEmpty()) {
            text.append("No findings.\n");
        }
        for (ReportedFinding f : findings) {
            String state = !f.isNew() ? "accepted by the baseline"
                    : f.severity().atLeast(failOn) ? "fails" : "below " + failOn.id();
            text.append("  [").append(f.severity().name()).append("] ").append(f.kind().id()).append(": ")
                    .append(f.title()).append(" (").append(state).append(")\n      ").append(f.kind().meaning())
                    .append('\n');
            f.fresh().forEach(line -> text.append("      - ").append(line).append('\n'));
            f.accepted().forEach(line -> text.append("      - (accepted) ").append(line).append('\n'));
        }
        staleBaselineEntries.forEach(e -> text.append("  stale baseline entry (matches nothing now): ")
                .append(e.describe()).append(" - ").append(e.reason()).append('\n'));
        if (reportFolder != null) {
            text.append("Report: ").append(reportFolder.resolve("verify.md")).append('\n');
        }
        if (fixes != null && !passed()) {
            text.append("How to fix: ").append(fixes).append('\n');
        }
        return text.toString();
    }
}
