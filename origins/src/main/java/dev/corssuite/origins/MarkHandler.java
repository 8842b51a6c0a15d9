package dev.corssuite.origins;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

import java.time.Clock;
import java.util.List;

/**
 * {@code /mark/<token>} journals a {@link RequestKind#MARK} under the token and answers 204: the probe calls it
 * between the requests of a multi-request case, so the journal says which entries belong to which request without
 * comparing the browser's clock with the server's.
 */
final class MarkHandler implements HttpHandler {
    static final String PREFIX = "/mark/";

    private final OriginRole role;
    private final RequestJournal journal;
    private final Clock clock;

    MarkHandler(OriginRole role, RequestJournal journal, Clock clock) {
        this.role = role;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        journal.record(new RecordedRequest(TokenPath.of(exchange), role, RequestKind.MARK,
                exchange.getRequestMethod().toString(), path, exchange.getQueryString(), List.of(), clock.instant()));
        exchange.setStatusCode(StatusCodes.NO_CONTENT);
        exchange.endExchange();
    }

    @Override
    public String toString() {
        return "mark(" + PREFIX + "<token>)";
    }
}
