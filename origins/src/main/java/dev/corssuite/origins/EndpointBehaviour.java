package dev.corssuite.origins;

import java.util.Objects;

/** How a CORS endpoint answers a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) and anything else. */
public record EndpointBehaviour(CannedAnswer preflight, CannedAnswer actual) {
    public EndpointBehaviour {
        Objects.requireNonNull(preflight, "preflight");
        Objects.requireNonNull(actual, "actual");
    }
}
