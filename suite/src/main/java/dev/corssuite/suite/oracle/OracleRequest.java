package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;

import java.util.List;

/** A request as the oracle sees it: who asks whom, how, and with which script-set headers. */
public record OracleRequest(String pageOrigin, String targetOrigin, String api, String method,
                            List<HeaderLine> headers, String credentials, String mode, boolean uploadListener,
                            long timeoutMillis) {
    public OracleRequest {
        headers = List.copyOf(headers);
    }

    /** The credentials mode Fetch uses: XHR has only withCredentials (include) or not (same-origin). */
    String credentialsMode() {
        return api.equals("xhr") && !credentials.equals("include") ? "same-origin" : credentials;
    }
}
