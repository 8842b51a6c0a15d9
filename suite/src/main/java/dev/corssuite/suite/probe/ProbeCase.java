package dev.corssuite.suite.probe;

import java.util.List;

/** One request as the probe page receives it (serialised to JSON as is). */
public record ProbeCase(
        String id,
        String url,
        String api,
        String method,
        List<List<String>> headers,
        String body,
        String credentials,
        String mode,
        boolean uploadListener,
        long timeoutMs,
        boolean alone,
        String frameOrigin,
        boolean sandboxed) {
}
