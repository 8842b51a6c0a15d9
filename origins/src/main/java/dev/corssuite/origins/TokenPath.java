package dev.corssuite.origins;

import io.undertow.server.HttpServerExchange;

/** The case token of a request the fleet routed by prefix: {@code /cors/<token>} with {@code /cors/} matched. */
final class TokenPath {
    private TokenPath() {
    }

    static String of(HttpServerExchange exchange) {
        String rest = exchange.getRelativePath();
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }
}
