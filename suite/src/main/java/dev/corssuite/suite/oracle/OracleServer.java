package dev.corssuite.suite.oracle;

/** The origins the oracle's requests reach: what an origin answers to a preflight or to any other request. */
@FunctionalInterface
public interface OracleServer {
    OracleAnswer answer(String origin, boolean preflight);
}
