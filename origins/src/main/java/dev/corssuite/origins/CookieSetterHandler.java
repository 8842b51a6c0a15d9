package dev.corssuite.origins;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /cookie/<token>?<attributes>} sets the cookie {@code case=<token>} scoped to that case's endpoint
 * ({@code Path=/cors/<token>}), with the URL-encoded extra attributes (e.g. {@code SameSite=None; Secure}). It
 * allows the asking origin with credentials, so a credentialed fetch from the page stores it.
 */
final class CookieSetterHandler implements HttpHandler {
    static final String PREFIX = "/cookie/";
    static final String NAME = "case";

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String token = TokenPath.of(exchange);
        String attributes = URLDecoder.decode(exchange.getQueryString(), StandardCharsets.UTF_8).strip();
        String cookie = NAME + "=" + token + "; Path=" + CorsEndpointHandler.PREFIX + token
                + (attributes.isEmpty() ? "" : "; " + attributes);
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        var headers = exchange.getResponseHeaders();
        headers.add(HttpString.tryFromString("Set-Cookie"), cookie);
        headers.add(HttpString.tryFromString("Access-Control-Allow-Origin"), origin == null ? "*" : origin);
        headers.add(HttpString.tryFromString("Access-Control-Allow-Credentials"), "true");
        headers.add(HttpString.tryFromString("Cache-Control"), "no-store");
        exchange.getResponseSender().send("cookie set");
    }

    @Override
    public String toString() {
        return "cookie-setter(" + PREFIX + "<token>)";
    }
}
