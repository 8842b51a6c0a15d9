package dev.corssuite.origins;

import java.util.List;

/**
 * What an endpoint answers to one kind of request: status, header lines in order (repeats allowed), body, and an
 * optional delay before answering (to model a hanging server). A binary body (an image, a font) is given in base64
 * ({@code base64Body}) and sent decoded, byte for byte; a text body is sent as UTF-8.
 */
public record CannedAnswer(int status, List<HeaderLine> headers, String body, long delayMillis, boolean base64Body) {
    /** Answer when a case says nothing about a request kind: no CORS headers at all. */
    public static final CannedAnswer NO_CORS = new CannedAnswer(200, List.of(), "", 0);

    public CannedAnswer(int status, List<HeaderLine> headers, String body, long delayMillis) {
        this(status, headers, body, delayMillis, false);
    }

    public CannedAnswer {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status " + status + " is not a three-digit HTTP status");
        }
        headers = List.copyOf(headers);
        body = body == null ? "" : body;
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay " + delayMillis + " ms is negative");
        }
        if (base64Body) {
            bodyBytes(body, true);
        }
    }

    /** The bytes sent as the body. */
    public byte[] bodyBytes() {
        return bodyBytes(body, base64Body);
    }

    private static byte[] bodyBytes(String body, boolean base64) {
        return base64 ? java.util.Base64.getDecoder().decode(body)
                : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
