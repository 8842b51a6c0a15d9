package dev.corssuite.suite.table;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginRole;

import java.util.List;

/** The request the page makes: from which origin to which, through which API, with what. */
public record PageRequest(
        OriginRole from,
        OriginRole to,
        String api,
        String method,
        List<HeaderLine> headers,
        String body,
        String credentials,
        String mode,
        boolean uploadListener,
        boolean sandboxed,
        long timeoutMillis) {

    public PageRequest {
        headers = List.copyOf(headers);
    }
}
