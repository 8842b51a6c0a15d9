package dev.corssuite.suite.verify.baseline;

import dev.corssuite.suite.verify.findings.FindingKind;

/**
 * One accepted finding: its kind, the endpoint path, the method (null: any), the origin (null: any) and why it is
 * accepted.
 */
public record BaselineEntry(FindingKind kind, String endpoint, String method, String origin, String reason) {

    /** Whether an evidence line of a finding of {@code found} kind is this accepted one. */
    public boolean covers(FindingKind found, EvidenceLine line) {
        return kind == found && endpoint.equals(line.endpoint())
                && (method == null || line.methods().contains(method))
                && (origin == null || origin.equals(line.origin()));
    }

    /** "max-age-above-caps on OPTIONS /api/items from any origin" */
    public String describe() {
        return kind.id() + " on " + (method == null ? "" : method + " ") + endpoint + " from "
                + (origin == null ? "any origin" : origin);
    }
}
