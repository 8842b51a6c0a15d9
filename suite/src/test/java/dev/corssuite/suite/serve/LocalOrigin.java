package dev.corssuite.suite.serve;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

import java.net.InetSocketAddress;

/**
 * A real server for the page to call: Undertow on loopback, port 0. {@code /api/items} lets
 * https://app.example.com in with GET and PUT, and the request header Content-Type only (not X-Api-Key); every
 * other origin gets no CORS headers.
 */
final class LocalOrigin implements AutoCloseable {
    static final String ALLOWED = "https://app.example.com";

    private final Undertow undertow;
    private final int port;

    LocalOrigin() {
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(2)
                .setHandler(LocalOrigin::answer).build();
        undertow.start();
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private static void answer(HttpServerExchange exchange) {
        if (!exchange.getRequestPath().equals("/api/items")) {
            exchange.setStatusCode(404);
            exchange.getResponseSender().send("not here");
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        var headers = exchange.getResponseHeaders();
        if (ALLOWED.equals(origin)) {
            headers.put(HttpString.tryFromString("Access-Control-Allow-Origin"), origin);
        }
        headers.put(HttpString.tryFromString("Vary"), "Origin");
        if (exchange.getRequestMethod().toString().equals("OPTIONS")) {
            if (ALLOWED.equals(origin)) {
                headers.put(HttpString.tryFromString("Access-Control-Allow-Methods"), "GET, PUT");
                headers.put(HttpString.tryFromString("Access-Control-Allow-Headers"), "Content-Type");
            }
            exchange.setStatusCode(204);
            exchange.endExchange();
            return;
        }
        headers.put(HttpString.tryFromString("Content-Type"), "application/json");
        headers.put(HttpString.tryFromString("X-Total-Count"), "2");
        exchange.getResponseSender().send("[1,2]");
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
