package dev.corssuite.suite.table;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginRole;

import java.util.List;

/**
 * The request the page makes: from which origin (and kind of document) to which, through which API, with what.
 * {@code cookie} non-null: before the request, a cookie with these extra attributes is set on the target origin.
 */
public record PageRequest(
        OriginRole from,
        OriginRole to,
        String api,
        String method,
        List<HeaderLine> headers,
        String body,
        boolean bodyStream,
        String credentials,
        String mode,
        boolean uploadListener,
        boolean sandboxed,
        boolean dataDocument,
        String cookie,
        String query,
        long timeoutMillis) {

    public PageRequest {
        headers = List.copyOf(headers);
    }

    /** The document the request starts from has an opaque origin (serialized as {@code null}). */
    public boolean opaqueOrigin() {
        return sandboxed || dataDocument;
    }
}
