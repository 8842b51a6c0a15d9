package dev.corssuite.suite.verify.findings;

import java.util.Arrays;
import java.util.Locale;

/** How bad a finding is, most severe first; {@code --fail-on} fails a run on findings at or above a level. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** What an evidence line of a WebSocket hijacking says when the socket is reached with the visitor's credentials. */
    public static final String WEBSOCKET_CREDENTIALS = "credentials possible";

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    /** "critical" */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From "high", "HIGH"; an unknown name is an error listing the known ones. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(Severity::id).toList()));
    }

    /**
     * A finding's severity: its kind's, except that an origin reflected together with
     * {@code Access-Control-Allow-Credentials: true} is critical (any site reads its visitors' private answers), and
     * so is a WebSocket open to hostile origins when credentials are possible ({@value #WEBSOCKET_CREDENTIALS}).
     */
    public static Severity of(Finding finding) {
        if (finding.kind() == FindingKind.ORIGIN_REFLECTED && finding.evidence().stream()
                .anyMatch(line -> line.toLowerCase(Locale.ROOT).contains("access-control-allow-credentials: true"))) {
            return CRITICAL;
        }
        if (finding.kind() == FindingKind.WEBSOCKET_HIJACKING && finding.evidence().stream()
                .anyMatch(line -> line.contains(WEBSOCKET_CREDENTIALS))) {
            return CRITICAL;
        }
        return finding.kind().severity();
    }
}
