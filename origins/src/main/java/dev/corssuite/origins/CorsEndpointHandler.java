package dev.corssuite.origins;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.AbstractReceiveListener;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Answers {@code /cors/<token>} as registered in the {@link AnswerBook} and records the request in the
 * {@link RequestJournal}. A WebSocket handshake whose answer has status 101 is accepted (Undertow completes it; the
 * answer's header lines are added to the 101); any other status refuses it with that answer.
 */
final class CorsEndpointHandler implements HttpHandler {
    static final String PREFIX = "/cors/";
    private static final HttpString REQUEST_METHOD = HttpString.tryFromString("Access-Control-Request-Method");

    private final OriginRole role;
    private final AnswerBook answers;
    private final RequestJournal journal;
    private final Clock clock;
    private final HttpHandler webSockets = new WebSocketProtocolHandshakeHandler(
            (WebSocketConnectionCallback) (exchange, channel) -> {
                channel.getReceiveSetter().set(new AbstractReceiveListener() {
                });
                channel.resumeReceives();
            });

    CorsEndpointHandler(OriginRole role, AnswerBook answers, RequestJournal journal, Clock clock) {
        this.role = role;
        this.answers = answers;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        String token = TokenPath.of(exchange);
        boolean preflight = exchange.getRequestMethod().equals(Methods.OPTIONS)
                && exchange.getRequestHeaders().contains(REQUEST_METHOD);
        journal.record(new RecordedRequest(token, role, preflight ? RequestKind.PREFLIGHT : RequestKind.ACTUAL,
                exchange.getRequestMethod().toString(), path, exchange.getQueryString(),
                headersOf(exchange), clock.instant()));

        var behaviour = answers.lookup(token, role);
        if (behaviour.isEmpty()) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.getResponseSender().send("no endpoint registered under token " + token + " on " + role.fileName());
            return;
        }
        CannedAnswer answer = preflight ? behaviour.get().preflight()
                : behaviour.get().revalidated() != null && isConditional(exchange) ? behaviour.get().revalidated()
                : behaviour.get().actual();
        if (answer.status() == StatusCodes.SWITCHING_PROTOCOLS && isWebSocketHandshake(exchange)) {
            for (HeaderLine line : answer.headers()) {
                exchange.getResponseHeaders().add(HttpString.tryFromString(line.name()), line.value());
            }
            webSockets.handleRequest(exchange);
            return;
        }
        if (answer.delayMillis() == 0) {
            respond(exchange, answer);
        } else {
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread()
                    .executeAfter(() -> respond(exchange, answer), answer.delayMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private static boolean isConditional(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().contains(io.undertow.util.Headers.IF_NONE_MATCH)
                || exchange.getRequestHeaders().contains(io.undertow.util.Headers.IF_MODIFIED_SINCE);
    }

    private static boolean isWebSocketHandshake(HttpServerExchange exchange) {
        return "websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.UPGRADE));
    }

    private static void respond(HttpServerExchange exchange, CannedAnswer answer) {
        exchange.setStatusCode(answer.status());
        for (HeaderLine line : answer.headers()) {
            exchange.getResponseHeaders().add(HttpString.tryFromString(line.name()), line.value());
        }
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(answer.bodyBytes()));
    }

    private static List<HeaderLine> headersOf(HttpServerExchange exchange) {
        List<HeaderLine> lines = new ArrayList<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            for (String value : values) {
                lines.add(new HeaderLine(values.getHeaderName().toString(), value));
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "cors-endpoint(" + role.fileName() + " " + PREFIX + "<token>)";
    }
}
