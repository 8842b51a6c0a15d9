package dev.corssuite.origins;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One request as an endpoint received it. */
public record RecordedRequest(
        String token,
        OriginRole receivedBy,
        RequestKind kind,
        String method,
        String path,
        String query,
        List<HeaderLine> headers,
        Instant receivedAt) {

    public RecordedRequest {
        headers = List.copyOf(headers);
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.stream()
                .filter(h -> h.name().toLowerCase(Locale.ROOT).equals(wanted))
                .map(HeaderLine::value)
                .findFirst();
    }

    public Optional<String> origin() {
        return header("Origin");
    }
}
