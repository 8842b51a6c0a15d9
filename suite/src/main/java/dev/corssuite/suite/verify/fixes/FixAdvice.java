package dev.corssuite.suite.verify.fixes;

import dev.corssuite.suite.verify.findings.FindingKind;

/** Per finding kind, what to change in the server; the configuration to change it to is {@link CorsConfigurations}. */
public final class FixAdvice {
    private FixAdvice() {
    }

    public static String of(FindingKind kind) {
        return switch (kind) {
            case ORIGIN_REFLECTED -> "Compare Origin with the policy's list and send it back only when it is listed; "
                    + "never echo it unchecked (Express: origin: true; Spring: allowedOriginPatterns(\"*\")).";
            case NULL_ALLOWED -> "Do not list or echo the origin null.";
            case LOOKALIKE_ALLOWED -> "Match whole origins: exact strings, or an anchored pattern with escaped dots.";
            case WILDCARD_WITH_CREDENTIALS -> "With credentials, send the listed origin itself, never *.";
            case MISSING_VARY -> "Send Vary: Origin on every answer whose Access-Control-Allow-Origin depends on it.";
            case NO_CORS_ON_ERRORS -> "Add the CORS headers to error answers too (nginx: add_header ... always).";
            case PREFLIGHT_REFUSED -> "Answer OPTIONS before authentication and redirects (Spring Security: "
                    + "http.cors(...) or SuggestedPreflightChain below; Express: app.use(cors(...)) before the auth middleware).";
            case OPTIONS_NOT_ROUTED -> "Route OPTIONS to the CORS handling and answer 204 with the preflight headers.";
            case PREFLIGHT_WITHOUT_CREDENTIALS -> "Send Access-Control-Allow-Credentials: true on the preflight too.";
            case MAX_AGE_ABOVE_CAPS -> "Send Access-Control-Max-Age of at most 600 (WebKit's cap) for the same "
                    + "behaviour in every browser.";
            case POLICY_ALLOWS_SERVER_REJECTS -> "Grant what the policy allows: its origins, methods, request headers "
                    + "and credentials, on the preflight and on the answer.";
            case SERVER_ALLOWS_POLICY_REJECTS -> "Grant only what the policy lists: no echoed methods or request "
                    + "headers.";
            case EXPOSED_HEADER_UNREADABLE -> "List the header in Access-Control-Expose-Headers.";
            case ASSET_UNUSABLE, CANVAS_TAINTED, SCRIPT_ERRORS_HIDDEN -> "Send Access-Control-Allow-Origin (the "
                    + "listed origin, or * when no credentials are involved) on the file's answers too: static "
                    + "locations and CDNs are often configured apart from the API.";
            case EVENTSOURCE_CREDENTIALS_REFUSED -> "Answer the event stream with the listed origin itself and "
                    + "Access-Control-Allow-Credentials: true.";
            case NO_ANSWER -> "Answer every request in time; CORS cannot help an endpoint that hangs.";
            case WEBSOCKET_HIJACKING -> "Check Origin in the WebSocket handshake against the policy's origins and "
                    + "answer 403 otherwise (CORS headers do nothing here): nginx: a map of $http_origin and "
                    + "return 403 in the WebSocket location; Node ws: verifyClient: (info, done) => "
                    + "done(allowed.includes(info.origin), 403); Spring: registry.addHandler(...)"
                    + ".setAllowedOrigins(...), never \"*\"; and authenticate the socket with a token, not only "
                    + "the cookie.";
        };
    }
}
