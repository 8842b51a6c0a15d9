package dev.corssuite.suite.probe;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corssuite.suite.request.RequestSpec;

import java.util.List;

/**
 * One request as the probe page receives it (serialised to JSON, the request's fields inline). {@code frameOrigin}
 * set: it runs in a frame of that origin ({@code sandboxed} or a {@code dataDocument} frame make the origin opaque);
 * {@code cookieUrl} set: that URL is fetched with credentials first, to set the case's cookie; {@code then}: further
 * requests, each sent {@code waitMs} after the previous one settled, with {@code markUrl} called just before each.
 */
public record ProbeCase(
        String id,
        String url,
        @JsonUnwrapped RequestSpec request,
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

    /** A single request from a frame of {@code frameOrigin} (null: the top page). */
    public static ProbeCase single(String id, String url, RequestSpec request, String frameOrigin, boolean sandboxed) {
        return new ProbeCase(id, url, request, false, frameOrigin, sandboxed, false, null, null, 0, List.of());
    }

    /** The longest this case can take on the page: every request's timeout and wait. */
    public long budgetMs() {
        return request.timeoutMs() + waitMs + Probe.STEP_GAP_MS + then.stream().mapToLong(ProbeCase::budgetMs).sum();
    }
}
