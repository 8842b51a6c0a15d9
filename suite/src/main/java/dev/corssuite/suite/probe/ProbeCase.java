package dev.corssuite.suite.probe;

import java.util.List;

/**
 * One request as the probe page receives it (serialised to JSON as is). {@code frameOrigin} set: it runs in a frame
 * of that origin ({@code sandboxed} or a {@code dataDocument} frame make the origin opaque); {@code cookieUrl} set:
 * that URL is fetched with credentials first, to set the case's cookie; {@code then}: further requests, each sent
 * {@code waitMs} after the previous one settled, with {@code markUrl} called just before each.
 */
public record ProbeCase(
        String id,
        String url,
        String api,
        String method,
        List<List<String>> headers,
        String body,
        boolean bodyStream,
        String credentials,
        String mode,
        boolean uploadListener,
        long timeoutMs,
        boolean alone,
        String frameOrigin,
        boolean sandboxed,
        boolean dataDocument,
        String cookieUrl,
        String markUrl,
        long waitMs,
        List<ProbeCase> then) {

    public ProbeCase {
        then = then == null ? List.of() : List.copyOf(then);
    }

    /** The longest this case can take on the page: every request's timeout and wait. */
    public long budgetMs() {
        return timeoutMs + waitMs + Probe.STEP_GAP_MS + then.stream().mapToLong(ProbeCase::budgetMs).sum();
    }
}
