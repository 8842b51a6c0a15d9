package dev.corssuite.suite.verify;

import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.FindingKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a verification ended with: the exit status, the run's results, every request's outcome, and its detailed
 * report (results and report are null for bad input).
 */
public record VerifyResult(int exitCode, Results results, List<RequestOutcome> outcomes, VerifyReport report) {
    public VerifyResult {
        outcomes = List.copyOf(outcomes);
    }

    static VerifyResult badInput() {
        return new VerifyResult(TargetVerification.BAD_INPUT, null, List.of(), null);
    }

    public List<Finding> findings() {
        return results == null ? List.of() : results.findings();
    }

    /** Each engine that ran: "version, how it was driven". */
    public Map<String, String> browsers() {
        Map<String, String> browsers = new LinkedHashMap<>();
        if (results != null) {
            results.engines().forEach(e -> browsers.put(e.name(), e.version() + ", " + e.drivenBy()));
        }
        return browsers;
    }

    public Set<FindingKind> kinds() {
        return findings().stream().map(Finding::kind).collect(Collectors.toSet());
    }
}
