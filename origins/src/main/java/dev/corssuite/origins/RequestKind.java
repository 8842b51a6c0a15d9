package dev.corssuite.origins;

/** Whether a request that reached an endpoint was a CORS preflight or the request itself. */
public enum RequestKind {
    PREFLIGHT,
    ACTUAL
}
