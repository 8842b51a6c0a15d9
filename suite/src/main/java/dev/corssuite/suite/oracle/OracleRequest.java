package dev.corssuite.suite.oracle;

import dev.corssuite.suite.request.RequestSpec;

/**
 * A request as the oracle sees it: the page's serialized origin ({@code null} when opaque), the URL it asks and how;
 * when {@code cookie} is not null, a cookie with these attributes was set on the target's origin first.
 */
public record OracleRequest(String pageOrigin, String targetUrl, RequestSpec spec, String cookie) {
    public OracleRequest(String pageOrigin, String targetUrl, RequestSpec spec) {
        this(pageOrigin, targetUrl, spec, null);
    }
}
