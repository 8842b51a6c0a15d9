package dev.corssuite.suite.probe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * What the page observed for one request. {@code readable} holds the response headers script could read;
 * {@code startedAt} is the page's clock (epoch ms) when the request started; {@code earlier} holds the results of
 * a multi-request case's requests before this, its last one; {@code cookieError} says why setting the case's
 * cookie failed; {@code tainted}: an element loaded what script may not use (null where it cannot tell, or did not
 * load); {@code probeError} says why the page has no result for the case (it threw, or its watchdog fired).
 */
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
        long ms,
        long startedAt,
        String cookieError,
        List<ProbeResult> earlier,
        String probeError,
        Boolean tainted) {

    public ProbeResult {
        readable = readable == null ? Map.of() : Map.copyOf(readable);
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
    }

    public ProbeResult(String id, boolean rejected, boolean timedOut, String error, Integer status, String type,
                       Map<String, String> readable, String body, long ms) {
        this(id, rejected, timedOut, error, status, type, readable, body, ms, 0, null, List.of(), null, null);
    }
}
