package dev.corssuite.suite.facts;

/** Where a cross-origin request ended, as the page and the server together saw it. */
public enum Verdict {
    /** The page read the response. */
    ALLOWED,
    /** A preflight reached the server and the request itself did not. */
    BLOCKED_AT_PREFLIGHT,
    /** The request reached the server, and the page could not read the response. */
    BLOCKED_AT_RESPONSE,
    /** The page's request failed and nothing reached the server. */
    NOT_SENT,
    /** A no-cors request reached the server and the page got an opaque response: no status, headers or body. */
    OPAQUE,
    /** The page gave up after the case's timeout. */
    TIMEOUT
}
