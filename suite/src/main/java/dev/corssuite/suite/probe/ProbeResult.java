package dev.corssuite.suite.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/** What the page observed for one case. {@code readable} holds the response headers script could read. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProbeResult(
        String id,
        boolean rejected,
        boolean timedOut,
        String error,
        Integer status,
        String type,
        Map<String, String> readable,
        String body,
        long ms) {

    public ProbeResult {
        readable = readable == null ? Map.of() : Map.copyOf(readable);
    }
}
