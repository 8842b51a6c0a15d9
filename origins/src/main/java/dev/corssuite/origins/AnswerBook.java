package dev.corssuite.origins;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The behaviour each token's endpoint plays, per origin role: the same token answers on every origin, so a redirect
 * chain stays one case. A fresh token per case keeps preflight caches from leaking between cases.
 */
public final class AnswerBook {
    private final ConcurrentMap<String, Map<OriginRole, EndpointBehaviour>> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Registers a behaviour, the same on every origin, under a new token whose readable part is {@code label}. */
    public String register(String label, EndpointBehaviour behaviour) {
        Map<OriginRole, EndpointBehaviour> everywhere = new EnumMap<>(OriginRole.class);
        for (OriginRole role : OriginRole.values()) {
            everywhere.put(role, behaviour);
        }
        return register(label, everywhere);
    }

    /** Registers one behaviour per role; a role left out answers 404 under this token. */
    public String register(String label, Map<OriginRole, EndpointBehaviour> byRole) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        String token = label.replaceAll("[^A-Za-z0-9-]", "-") + "-" + HexFormat.of().formatHex(bytes);
        byToken.put(token, Map.copyOf(byRole));
        return token;
    }

    /** Sets the behaviours of a registered token (answers that name the token itself are built after it). */
    public void replace(String token, Map<OriginRole, EndpointBehaviour> byRole) {
        if (byToken.replace(token, Map.copyOf(byRole)) == null) {
            throw new IllegalArgumentException("no token " + token + " is registered");
        }
    }

    public Optional<EndpointBehaviour> lookup(String token, OriginRole role) {
        return Optional.ofNullable(byToken.get(token)).map(m -> m.get(role));
    }

    public void forget(String token) {
        byToken.remove(token);
    }
}
