package dev.corssuite.suite.verify;

import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.FindingKind;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What a verification ended with: the exit status, the findings, every request's outcome, the browsers used. */
public record VerifyResult(int exitCode, List<Finding> findings, List<RequestOutcome> outcomes,
                           Map<String, String> browsers) {
    public VerifyResult {
        findings = List.copyOf(findings);
        outcomes = List.copyOf(outcomes);
        browsers = Map.copyOf(browsers);
    }

    static VerifyResult badInput() {
        return new VerifyResult(TargetVerification.BAD_INPUT, List.of(), List.of(), Map.of());
    }

    public Set<FindingKind> kinds() {
        return findings.stream().map(Finding::kind).collect(Collectors.toSet());
    }
}
