package dev.corssuite.suite.table;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.request.RequestSpec;

/**
 * A row's request: from which origin (and kind of document) to which, and what it asks ({@code spec}).
 * {@code cookie} non-null: before the request, a cookie with these extra attributes is set on the target origin;
 * {@code query} is appended to the endpoint's URL.
 */
public record PageRequest(
        OriginRole from,
        OriginRole to,
        @JsonUnwrapped RequestSpec spec,
        boolean sandboxed,
        boolean dataDocument,
        String cookie,
        String query) {

    /** The document the request starts from has an opaque origin (serialized as {@code null}). */
    public boolean opaqueOrigin() {
        return sandboxed || dataDocument;
    }
}
