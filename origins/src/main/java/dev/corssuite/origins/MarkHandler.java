package dev.corssuite.origins;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

import java.time.Clock;
import java.util.List;

/**
 * {@code /mark/<token>} journals a {@link RequestKind#MARK} under the token and answers 204: the probe calls it
 * between the requests of a multi-request case, so the journal says which entries belong to which request without
 * comparing the browser's clock with the server's. Other paths go to {@code next}.
 */
final class MarkHandler implements HttpHandler {
    static final String PREFIX = "/mark/";

    private final OriginRole role;
    private final RequestJournal journal;
    private final Clock clock;
    private final HttpHandler next;

    MarkHandler(OriginRole role, RequestJournal journal, Clock clock, HttpHandler next) {
        this.role = role;
        this.journal = journal;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (!path.startsWith(PREFIX)) {
            next.handleRequest(exchange);
            return;
        }
        journal.record(new RecordedRequest(path.substring(PREFIX.length()), role, RequestKind.MARK,
                exchange.getRequestMethod().toString(), path, exchange.getQueryString(), List.of(), clock.instant()));
        exchange.setStatusCode(StatusCodes.NO_CONTENT);
        exchange.endExchange();
    }

    @Override
    public String toString() {
        return "mark(" + PREFIX + "<token>) -> " + next;
    }
}
