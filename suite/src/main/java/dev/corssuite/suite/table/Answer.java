package dev.corssuite.suite.table;

import dev.corssuite.origins.HeaderLine;

import java.util.List;

/**
 * What an endpoint answers to one kind of request, as written in the row (origin placeholders not yet filled in).
 * A row's {@code bodyFile} (an image, a font from {@code fixtures/bodies/}) is carried in base64 ({@code base64Body}).
 */
public record Answer(int status, List<HeaderLine> headers, String body, long delayMillis, boolean base64Body) {
    public static final Answer NONE = new Answer(200, List.of(), "", 0);

    public Answer {
        headers = List.copyOf(headers);
    }

    public Answer(int status, List<HeaderLine> headers, String body, long delayMillis) {
        this(status, headers, body, delayMillis, false);
    }

    /** The body's length in bytes, as sent. */
    public int bodyLength() {
        return base64Body ? java.util.Base64.getDecoder().decode(body).length
                : body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
