package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;

import java.util.List;

/**
 * A request as the oracle sees it: who asks which URL, how, with which script-set headers, whether it has a body
 * (and whether that body is a stream), and, when {@code cookie} is not null, that a cookie with these attributes
 * was set on the target's origin first.
 */
public record OracleRequest(String pageOrigin, String targetUrl, String api, String method,
                            List<HeaderLine> headers, String credentials, String mode, boolean uploadListener,
                            long timeoutMillis, boolean hasBody, boolean bodyStream, String cookie) {
    public OracleRequest {
        headers = List.copyOf(headers);
    }

    public OracleRequest(String pageOrigin, String targetUrl, String api, String method, List<HeaderLine> headers,
                         String credentials, String mode, boolean uploadListener, long timeoutMillis) {
        this(pageOrigin, targetUrl, api, method, headers, credentials, mode, uploadListener, timeoutMillis, false, false,
                null);
    }

    /** The use-CORS-preflight flag: an XHR upload listener or a ReadableStream body. */
    boolean useCorsPreflight() {
        return uploadListener || bodyStream;
    }

    /** The credentials mode Fetch uses: XHR has only withCredentials (include) or not (same-origin). */
    String credentialsMode() {
        return api.equals("xhr") && !credentials.equals("include") ? "same-origin" : credentials;
    }
}
