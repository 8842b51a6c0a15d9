package dev.corssuite.origins;

import java.util.Objects;

/**
 * How a CORS endpoint answers a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) and anything
 * else; {@code revalidated}, when not null, answers a conditional request ({@code If-None-Match} or
 * {@code If-Modified-Since}), e.g. a 304 to a cache revalidating what it stored.
 */
public record EndpointBehaviour(CannedAnswer preflight, CannedAnswer actual, CannedAnswer revalidated) {
    public EndpointBehaviour {
        Objects.requireNonNull(preflight, "preflight");
        Objects.requireNonNull(actual, "actual");
    }

    public EndpointBehaviour(CannedAnswer preflight, CannedAnswer actual) {
        this(preflight, actual, null);
    }
}
