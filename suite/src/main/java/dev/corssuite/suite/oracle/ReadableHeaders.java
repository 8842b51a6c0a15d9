package dev.corssuite.suite.oracle;

import dev.corssuite.suite.request.CredentialsMode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which response headers script can read: the CORS-filtered response, or a basic (same-origin) one. */
final class ReadableHeaders {
    private static final Set<String> SAFELISTED_RESPONSE = Set.of("cache-control", "content-language",
            "content-length", "content-type", "expires", "last-modified", "pragma");
    private static final Set<String> FORBIDDEN_RESPONSE = Set.of("set-cookie", "set-cookie2");

    private ReadableHeaders() {
    }

    /** "CORS-filtered response": safelisted names plus those exposed. */
    static Set<String> cors(OracleAnswer actual, CredentialsMode credentials) {
        ResponseHeaders headers = new ResponseHeaders(actual.headers());
        List<String> exposed = headers.tokens("Access-Control-Expose-Headers").orElse(List.of()).stream()
                .map(n -> n.toLowerCase(Locale.ROOT)).toList();
        boolean all = credentials != CredentialsMode.INCLUDE && exposed.contains("*");
        Set<String> readable = new LinkedHashSet<>();
        for (String name : headers.names()) {
            if (FORBIDDEN_RESPONSE.contains(name)) {
                continue;
            }
            if (SAFELISTED_RESPONSE.contains(name) || exposed.contains(name) || all) {
                readable.add(name);
            }
        }
        return readable;
    }

    /** A basic (same-origin) response: everything but Set-Cookie. */
    static Set<String> basic(OracleAnswer actual) {
        Set<String> readable = new LinkedHashSet<>(new ResponseHeaders(actual.headers()).names());
        readable.removeAll(FORBIDDEN_RESPONSE);
        return readable;
    }

}
