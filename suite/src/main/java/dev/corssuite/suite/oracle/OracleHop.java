package dev.corssuite.suite.oracle;

import java.util.List;

/**
 * A request (not a preflight) that reaches an origin: its method, Origin header ("" when absent), whether it
 * carries the case's cookie, and the names (lowercase) of the headers script set that it still carries.
 */
public record OracleHop(String origin, String method, String originHeader, boolean cookie, List<String> headers) {
    public OracleHop {
        headers = List.copyOf(headers);
    }
}
