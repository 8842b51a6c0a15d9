package dev.corssuite.suite.oracle;

import dev.corssuite.suite.table.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Fetch standard's CORS steps for one request: main fetch (mode), the CORS-preflight fetch and its cache-less
 * checks, the CORS check, and the CORS-filtered response. Section names in comments are those of
 * fetch.spec.whatwg.org.
 */
public final class FetchOracle {
    private static final Set<String> SAFELISTED_RESPONSE = Set.of("cache-control", "content-language",
            "content-length", "content-type", "expires", "last-modified", "pragma");
    private static final Set<String> FORBIDDEN_RESPONSE = Set.of("set-cookie", "set-cookie2");

    private FetchOracle() {
    }

    public static Prediction predict(OracleRequest request, OracleAnswer preflight, OracleAnswer actual) {
        List<String> why = new ArrayList<>();
        String method = RequestHeaderRules.normalizeMethod(request.method());
        var sent = RequestHeaderRules.headerList(request.headers(), request.api());
        String credentials = request.credentialsMode();

        // main fetch: a same-origin request needs no CORS at all.
        if (request.pageOrigin().equals(request.targetOrigin())) {
            why.add("same origin: no CORS protocol");
            return reachActual(actual, request, false, null, why, names -> basicReadable(actual));
        }
        if (request.mode().equals("same-origin")) {
            why.add("mode same-origin to another origin: network error before sending");
            return new Prediction(Verdict.NOT_SENT, false, false, null, null, Set.of(), why);
        }
        if (request.mode().equals("no-cors")) {
            if (!RequestHeaderRules.safelistedMethod(method)) {
                why.add("no-cors with method " + method + ": TypeError, not a CORS-safelisted method");
                return new Prediction(Verdict.NOT_SENT, false, false, null, null, Set.of(), why);
            }
            why.add("no-cors: opaque response, nothing readable");
            Prediction reached = reachActual(actual, request, false, null, why, names -> Set.of());
            return reached.verdict() == Verdict.TIMEOUT ? reached
                    : new Prediction(Verdict.OPAQUE, false, true, null, null, Set.of(), why);
        }

        List<String> unsafe = RequestHeaderRules.unsafeNames(sent);
        boolean preflightNeeded = !RequestHeaderRules.safelistedMethod(method) || !unsafe.isEmpty()
                || request.uploadListener();
        String requestHeaders = null;
        if (preflightNeeded) {
            requestHeaders = String.join(",", unsafe);
            why.add("preflight: method " + method + (unsafe.isEmpty() ? "" : ", unsafe headers " + requestHeaders)
                    + (request.uploadListener() ? ", upload listener" : ""));
            if (preflight.delayMillis() >= request.timeoutMillis()) {
                why.add("preflight answer comes after the timeout");
                return new Prediction(Verdict.TIMEOUT, true, false, requestHeaders, null, Set.of(), why);
            }
            String failure = preflightFailure(preflight, request, method, unsafe, credentials);
            if (failure != null) {
                why.add("preflight fails: " + failure);
                return new Prediction(Verdict.BLOCKED_AT_PREFLIGHT, true, false, requestHeaders, null, Set.of(), why);
            }
            why.add("preflight passes");
        }
        Prediction reached = reachActual(actual, request, preflightNeeded, requestHeaders, why,
                names -> corsReadable(actual, credentials));
        if (reached.verdict() == Verdict.TIMEOUT) {
            return reached;
        }
        String failure = corsCheck(new ResponseHeaders(actual.headers()), request.pageOrigin(), credentials);
        if (failure != null) {
            why.add("CORS check on the response fails: " + failure);
            return new Prediction(Verdict.BLOCKED_AT_RESPONSE, preflightNeeded, true, requestHeaders, null, Set.of(),
                    why);
        }
        why.add("CORS check on the response passes");
        return reached;
    }

    private static Prediction reachActual(OracleAnswer actual, OracleRequest request, boolean preflight,
                                          String requestHeaders, List<String> why,
                                          java.util.function.Function<Void, Set<String>> readable) {
        if (actual.delayMillis() >= request.timeoutMillis()) {
            why.add("answer comes after the timeout");
            return new Prediction(Verdict.TIMEOUT, preflight, true, requestHeaders, null, Set.of(), why);
        }
        return new Prediction(Verdict.ALLOWED, preflight, true, requestHeaders, actual.status(), readable.apply(null),
                why);
    }

    /** "CORS check": null when it passes, else why not. */
    static String corsCheck(ResponseHeaders headers, String origin, String credentials) {
        var allowOrigin = headers.combined("Access-Control-Allow-Origin");
        if (allowOrigin.isEmpty()) {
            return "no Access-Control-Allow-Origin";
        }
        boolean include = credentials.equals("include");
        if (!include && allowOrigin.get().equals("*")) {
            return null;
        }
        if (!allowOrigin.get().equals(origin)) {
            return "Access-Control-Allow-Origin '" + allowOrigin.get() + "' is not " + origin
                    + (include && allowOrigin.get().equals("*") ? " (* does not count with credentials)" : "");
        }
        if (!include) {
            return null;
        }
        var allowCredentials = headers.combined("Access-Control-Allow-Credentials");
        if (allowCredentials.isEmpty() || !allowCredentials.get().equals("true")) {
            return "credentials mode include needs Access-Control-Allow-Credentials exactly 'true', got "
                    + allowCredentials.map(v -> "'" + v + "'").orElse("none");
        }
        return null;
    }

    /** "CORS-preflight fetch": null when the preflight answer lets the request through, else why not. */
    private static String preflightFailure(OracleAnswer preflight, OracleRequest request, String method,
                                           List<String> unsafe, String credentials) {
        ResponseHeaders headers = new ResponseHeaders(preflight.headers());
        String cors = corsCheck(headers, request.pageOrigin(), credentials);
        if (cors != null) {
            return cors;
        }
        if (preflight.status() < 200 || preflight.status() > 299) {
            return "status " + preflight.status() + " is not an ok status";
        }
        var methods = headers.tokens("Access-Control-Allow-Methods");
        var names = headers.tokens("Access-Control-Allow-Headers");
        if (methods.isEmpty()) {
            return "Access-Control-Allow-Methods is not a list of tokens";
        }
        if (names.isEmpty()) {
            return "Access-Control-Allow-Headers is not a list of tokens";
        }
        List<String> allowedMethods = methods.get();
        if (allowedMethods.isEmpty() && request.uploadListener()) {
            allowedMethods = List.of(method);
        }
        boolean include = credentials.equals("include");
        if (!allowedMethods.contains(method) && !RequestHeaderRules.safelistedMethod(method)
                && (include || !allowedMethods.contains("*"))) {
            return "method " + method + " is not in Access-Control-Allow-Methods " + allowedMethods
                    + (include && allowedMethods.contains("*") ? " (* is literal with credentials)" : "");
        }
        Set<String> allowedNames = new LinkedHashSet<>();
        names.get().forEach(n -> allowedNames.add(n.toLowerCase(Locale.ROOT)));
        for (String name : unsafe) {
            boolean listed = allowedNames.contains(name);
            boolean wildcard = !include && allowedNames.contains("*") && !name.equals("authorization");
            if (!listed && !wildcard) {
                return "header " + name + " is not in Access-Control-Allow-Headers " + names.get()
                        + (name.equals("authorization") && allowedNames.contains("*") ? " (* never covers Authorization)"
                        : include && allowedNames.contains("*") ? " (* is literal with credentials)" : "");
            }
        }
        return null;
    }

    /** "CORS-filtered response": safelisted names plus those exposed. */
    private static Set<String> corsReadable(OracleAnswer actual, String credentials) {
        ResponseHeaders headers = new ResponseHeaders(actual.headers());
        List<String> exposed = headers.tokens("Access-Control-Expose-Headers").orElse(List.of()).stream()
                .map(n -> n.toLowerCase(Locale.ROOT)).toList();
        boolean all = !credentials.equals("include") && exposed.contains("*");
        Set<String> readable = new LinkedHashSet<>();
        for (String name : headers.names()) {
            if (FORBIDDEN_RESPONSE.contains(name)) {
                continue;
            }
            if (SAFELISTED_RESPONSE.contains(name) || exposed.contains(name) || all) {
                readable.add(name);
            }
        }
        return readable;
    }

    /** A basic (same-origin) response: everything but Set-Cookie. */
    private static Set<String> basicReadable(OracleAnswer actual) {
        Set<String> readable = new LinkedHashSet<>(new ResponseHeaders(actual.headers()).names());
        readable.removeAll(FORBIDDEN_RESPONSE);
        return readable;
    }
}
