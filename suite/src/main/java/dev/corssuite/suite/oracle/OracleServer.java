package dev.corssuite.suite.oracle;

/** The origins the oracle's requests reach: what an origin answers to a preflight or to any other request. */
@FunctionalInterface
public interface OracleServer {
    OracleAnswer answer(String origin, boolean preflight);

    /** What the origin answers a conditional request (a cache revalidating what it stored); by default as any other. */
    default OracleAnswer conditional(String origin) {
        return answer(origin, false);
    }

    /** Whether requests to the origin go over HTTP/2 or later; the fleet's origins speak HTTP/1.1. */
    default boolean http2(String origin) {
        return false;
    }
}
