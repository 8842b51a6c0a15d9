package dev.corssuite.suite.verify.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A validated policy: what the server intends to allow. Build it with {@link PolicyLoader}. */
public record CorsPolicy(String file, List<AllowedOrigin> origins, List<String> methods, List<String> requestHeaders,
                         List<String> exposedHeaders, boolean credentials, Optional<Integer> maxAge, long timeoutMs,
                         List<PolicyEndpoint> endpoints) {
    public static final long DEFAULT_TIMEOUT_MS = 5000;

    public CorsPolicy {
        origins = List.copyOf(origins);
        methods = List.copyOf(methods);
        requestHeaders = List.copyOf(requestHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
        endpoints = List.copyOf(endpoints);
    }

    /** Whether the policy lets this serialized origin (or {@code null}) in. */
    public boolean allows(String origin) {
        return origins.stream().anyMatch(o -> o.matches(origin));
    }

    public boolean anyOrigin() {
        return origins.stream().anyMatch(o -> o.kind() == AllowedOrigin.Kind.ANY);
    }

    public boolean allowsMethod(String method) {
        return methods.contains(method);
    }

    public boolean allowsHeader(String name) {
        return requestHeaders.stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }

    public boolean exposes(String name) {
        return exposedHeaders.stream().anyMatch(h -> h.equalsIgnoreCase(name) || h.equals("*"));
    }

    /** Lowercase names of the request headers, for Access-Control-Request-Headers comparisons. */
    public List<String> requestHeaderNames() {
        return requestHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }
}
