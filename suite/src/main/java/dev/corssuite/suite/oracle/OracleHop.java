package dev.corssuite.suite.oracle;

/** A request (not a preflight) that reaches an origin: its method and Origin header ("" when absent). */
public record OracleHop(String origin, String method, String originHeader, boolean cookie) {
}
