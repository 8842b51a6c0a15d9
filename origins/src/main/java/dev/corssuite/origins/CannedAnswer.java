package dev.corssuite.origins;

import java.util.List;

/**
 * What an endpoint answers to one kind of request: status, header lines in order (repeats allowed), body, and an
 * optional delay before answering (to model a hanging server).
 */
public record CannedAnswer(int status, List<HeaderLine> headers, String body, long delayMillis) {
    /** Answer when a case says nothing about a request kind: no CORS headers at all. */
    public static final CannedAnswer NO_CORS = new CannedAnswer(200, List.of(), "", 0);

    public CannedAnswer {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status " + status + " is not a three-digit HTTP status");
        }
        headers = List.copyOf(headers);
        body = body == null ? "" : body;
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay " + delayMillis + " ms is negative");
        }
    }
}
