package dev.corssuite.suite.verify.matrix;

import dev.corssuite.suite.verify.policy.AllowedOrigin;
import dev.corssuite.suite.verify.policy.CorsPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The origins to send from: an example of each allowed entry, then hostile ones, each kept only when the policy does
 * not allow it (a look-alike that the policy itself covers is no attack).
 */
public final class HostileOrigins {
    static final String STRANGER = "https://attacker.cors-suite.test";

    private HostileOrigins() {
    }

    public static List<TestOrigin> derive(CorsPolicy policy) {
        Map<String, TestOrigin> out = new LinkedHashMap<>();
        for (AllowedOrigin allowed : policy.origins()) {
            String example = allowed.example();
            out.putIfAbsent(example, new TestOrigin(example, OriginKind.ALLOWED, example, null));
        }
        String firstAllowed = out.keySet().iterator().next();
        List<TestOrigin> hostile = new ArrayList<>();
        hostile.add(new TestOrigin(STRANGER, OriginKind.STRANGER, STRANGER, null));
        hostile.add(new TestOrigin("null", OriginKind.NULL, firstAllowed, null));
        for (AllowedOrigin allowed : policy.origins()) {
            if (allowed.kind() == AllowedOrigin.Kind.ANY) {
                continue;
            }
            String scheme = allowed.scheme();
            String host = allowed.baseHost();
            int port = allowed.port();
            String of = allowed.text();
            if (host.startsWith("[")) {
                // An IPv6 address has no names to imitate; only the http:// variant applies.
                if (scheme.equals("https")) {
                    hostile.add(lookalike(OriginKind.HTTP_VARIANT, "http", host, port, of));
                }
                continue;
            }
            hostile.add(lookalike(OriginKind.PREFIX, scheme, "evil-" + host, port, of));
            hostile.add(lookalike(OriginKind.SUFFIX, scheme, host + ".evil.test", port, of));
            if (host.contains(".")) {
                hostile.add(lookalike(OriginKind.UNESCAPED_DOT, scheme, host.replaceFirst("\\.", "x"), port, of));
            }
            hostile.add(lookalike(OriginKind.SPECIAL_CHARACTER, scheme, host + "_.evil.test", port, of));
            if (scheme.equals("https")) {
                hostile.add(lookalike(OriginKind.HTTP_VARIANT, "http", allowed.kind() == AllowedOrigin.Kind.SUBDOMAINS
                        ? "cors-suite-sub." + host : host, port, of));
            }
            if (allowed.kind() == AllowedOrigin.Kind.SUBDOMAINS) {
                hostile.add(lookalike(OriginKind.UNLISTED_SUBDOMAIN, scheme, host, port, of));
            } else if (host.chars().filter(c -> c == '.').count() >= 2) {
                hostile.add(lookalike(OriginKind.UNLISTED_SUBDOMAIN, scheme,
                        "cors-suite-unlisted" + host.substring(host.indexOf('.')), port, of));
            }
        }
        for (TestOrigin origin : hostile) {
            if (origin.kind() == OriginKind.NULL ? !policy.anyOrigin() : !policy.allows(origin.origin())) {
                out.putIfAbsent(origin.origin(), origin);
            }
        }
        return List.copyOf(out.values());
    }

    private static TestOrigin lookalike(OriginKind kind, String scheme, String host, int port, String of) {
        String origin = AllowedOrigin.origin(scheme, host, port);
        return new TestOrigin(origin, kind, origin, of);
    }
}
