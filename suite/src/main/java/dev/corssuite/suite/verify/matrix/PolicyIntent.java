package dev.corssuite.suite.verify.matrix;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.oracle.FetchOracle;
import dev.corssuite.suite.oracle.OracleAnswer;
import dev.corssuite.suite.oracle.OracleRequest;
import dev.corssuite.suite.oracle.Prediction;
import dev.corssuite.suite.verify.policy.CorsPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * What the policy intends for a request: the answers a server implementing the policy exactly would give (the
 * origin echoed only when allowed, {@code Vary: Origin}, the listed methods and headers ...), run through the
 * {@link FetchOracle}. The verdict is the one a browser should reach.
 */
public final class PolicyIntent {
    private PolicyIntent() {
    }

    public static Prediction predict(CorsPolicy policy, PlannedRequest request, String targetOrigin) {
        return FetchOracle.predict(oracleRequest(request, targetOrigin), idealPreflight(policy, request),
                request.spec().api().webSocket() ? idealHandshake(policy, request.from().origin())
                        : idealActual(policy, request));
    }

    /**
     * The answer to a WebSocket handshake a server implementing the policy gives {@code origin}: 101 for the
     * policy's origins, 403 for any other (a WebSocket has no CORS: only the server's own Origin check refuses).
     */
    public static OracleAnswer idealHandshake(CorsPolicy policy, String origin) {
        boolean allowed = !origin.equals("null") && (policy.anyOrigin() || policy.allows(origin));
        return new OracleAnswer(allowed ? 101 : 403, List.of(), 0);
    }

    public static OracleRequest oracleRequest(PlannedRequest request, String targetOrigin) {
        return new OracleRequest(request.from().origin(), targetOrigin, request.spec());
    }

    static OracleAnswer idealPreflight(CorsPolicy policy, PlannedRequest request) {
        return idealPreflight(policy, request.from().origin());
    }

    /** The preflight answer a server implementing the policy exactly gives {@code origin}. */
    public static OracleAnswer idealPreflight(CorsPolicy policy, String origin) {
        List<HeaderLine> headers = new ArrayList<>(originHeaders(policy, origin));
        if (!headers.isEmpty()) {
            headers.add(new HeaderLine("Access-Control-Allow-Methods", String.join(", ", policy.methods())));
            if (!policy.requestHeaders().isEmpty()) {
                headers.add(new HeaderLine("Access-Control-Allow-Headers", String.join(", ", policy.requestHeaders())));
            }
            policy.maxAge().ifPresent(age -> headers.add(new HeaderLine("Access-Control-Max-Age", age.toString())));
        }
        return new OracleAnswer(204, headers, 0);
    }

    static OracleAnswer idealActual(CorsPolicy policy, PlannedRequest request) {
        return idealActual(policy, request.from().origin());
    }

    /** The answer to any other request a server implementing the policy exactly gives {@code origin}. */
    public static OracleAnswer idealActual(CorsPolicy policy, String origin) {
        List<HeaderLine> headers = new ArrayList<>(originHeaders(policy, origin));
        if (!headers.isEmpty() && !policy.exposedHeaders().isEmpty()) {
            headers.add(new HeaderLine("Access-Control-Expose-Headers", String.join(", ", policy.exposedHeaders())));
        }
        return new OracleAnswer(200, headers, 0);
    }

    private static List<HeaderLine> originHeaders(CorsPolicy policy, String origin) {
        List<HeaderLine> headers = new ArrayList<>();
        if (policy.anyOrigin() && !policy.credentials()) {
            headers.add(new HeaderLine("Access-Control-Allow-Origin", "*"));
            return headers;
        }
        if (!(origin.equals("null") ? false : policy.allows(origin))) {
            return headers;
        }
        headers.add(new HeaderLine("Access-Control-Allow-Origin", origin));
        headers.add(new HeaderLine("Vary", "Origin"));
        if (policy.credentials()) {
            headers.add(new HeaderLine("Access-Control-Allow-Credentials", "true"));
        }
        return headers;
    }
}
