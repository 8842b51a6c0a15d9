package dev.corssuite.origins;

/**
 * Whether a request that reached an endpoint was a CORS preflight or the request itself; a {@code MARK} is the
 * probe saying "the next request of this case starts now", so a multi-request case's journal splits by request.
 */
public enum RequestKind {
    PREFLIGHT,
    ACTUAL,
    MARK
}
