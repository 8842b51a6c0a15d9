package dev.corssuite.origins;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The behaviour each token's endpoint plays. A fresh token per case keeps preflight caches from leaking between cases. */
public final class AnswerBook {
    private final ConcurrentMap<String, EndpointBehaviour> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Registers a behaviour under a new token whose readable part is {@code label}. */
    public String register(String label, EndpointBehaviour behaviour) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        String token = label.replaceAll("[^A-Za-z0-9-]", "-") + "-" + HexFormat.of().formatHex(bytes);
        byToken.put(token, behaviour);
        return token;
    }

    public Optional<EndpointBehaviour> lookup(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    public void forget(String token) {
        byToken.remove(token);
    }
}
