package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.request.CredentialsMode;
import dev.corssuite.suite.request.FetchOptions;
import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.request.RequestMode;
import dev.corssuite.suite.facts.Facts;
import dev.corssuite.suite.facts.Hop;
import dev.corssuite.suite.facts.Verdict;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Fetch standard's CORS steps for a request or a sequence of requests: main fetch (mode, response tainting),
 * the CORS-preflight fetch and its cache, the CORS check on every response, HTTP-redirect fetch (20-redirect limit,
 * userinfo, tainted origin, method changes) and the CORS-filtered response. Section names in comments are those
 * of fetch.spec.whatwg.org.
 */
public final class FetchOracle {
    static final int REDIRECT_LIMIT = 20;
    private static final Set<String> REQUEST_BODY_HEADERS = Set.of("content-encoding", "content-language",
            "content-location", "content-type");
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
    /** probe.js leaves at least this long between the requests of a sequence. */
    private static final long STEP_GAP_MS = 50;

    private FetchOracle() {
    }

    /** One request against an origin that answers every preflight and every request the same. */
    public static Prediction predict(OracleRequest request, OracleAnswer preflight, OracleAnswer actual) {
        return predict(List.of(new OracleStep(request, 0)), (origin, isPreflight) -> isPreflight ? preflight : actual);
    }

    /** A sequence of requests sharing one preflight cache; the prediction is about the last, counts about all. */
    public static Prediction predict(List<OracleStep> steps, OracleServer server) {
        PreflightCache cache = new PreflightCache();
        HttpCache httpCache = new HttpCache();
        long now = 0;
        int preflights = 0;
        int requests = 0;
        Prediction last = null;
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                now += Math.max(steps.get(i).waitMillis(), STEP_GAP_MS);
            }
            Fetch fetch = new Fetch(steps.get(i).request(), server, cache, httpCache, now);
            last = fetch.run();
            now = fetch.clock;
            preflights += last.facts().preflights();
            requests += last.facts().requests();
        }
        Facts f = last.facts();
        return new Prediction(new Facts(f.verdict(), f.preflight(), f.reached(), f.requestHeaders(), f.status(),
                f.readable(), Set.of(), f.method(), f.hops(), preflights, requests, f.cookie(), f.preflightCookie(),
                f.preflightOrigins(), f.tainted(), f.preflightHops()), last.reasons());
    }

    /** One fetch, hop by hop. */
    private static final class Fetch {
        private final OracleRequest request;
        private final OracleServer server;
        private final PreflightCache cache;
        private final HttpCache httpCache;
        private final FetchOptions options;
        private final List<Hop> preflightHops = new ArrayList<>();
        private final List<String> why = new ArrayList<>();
        private final List<Hop> hops = new ArrayList<>();
        private boolean lastCookie;
        private final List<String> preflightOrigins = new ArrayList<>();
        private final CredentialsMode credentials;
        private final RequestMode mode;
        private long clock;
        private int preflights;
        private String requestHeaders;
        private String url;
        private String method;
        private List<HeaderLine> headers;
        private boolean hasBody;
        private String tainting = "basic";
        private boolean taintedOrigin;
        private int redirectCount;

        Fetch(OracleRequest request, OracleServer server, PreflightCache cache, HttpCache httpCache, long now) {
            this.request = request;
            this.server = server;
            this.cache = cache;
            this.httpCache = httpCache;
            this.options = request.spec().fetchOptions();
            this.clock = now;
            this.credentials = request.spec().effectiveCredentials();
            this.mode = request.spec().effectiveMode();
            this.url = request.targetUrl();
            this.method = RequestHeaderRules.normalizeMethod(request.spec().method());
            List<HeaderLine> list = new ArrayList<>(RequestHeaderRules.headerList(request.spec().headers(),
                    request.spec().api()));
            // The Request constructor appends the body's Content-Type when script set none (under the same guard).
            String bodyType = request.spec().hasBody() ? options.bodyContentType() : null;
            if (bodyType != null && list.stream().noneMatch(h -> h.name().equals("content-type"))) {
                list.add(new HeaderLine("content-type", bodyType));
            }
            // Headers with guard "request-no-cors" drop what is not a no-CORS-safelisted request-header.
            this.headers = mode == RequestMode.NO_CORS
                    ? list.stream().filter(h -> RequestHeaderRules.noCorsSafelisted(h.name(), h.value())).toList()
                    : list;
            this.hasBody = request.spec().hasBody();
        }

        /** "Serializing a request origin": null once the origin is tainted. */
        private String serializedOrigin() {
            return taintedOrigin ? "null" : request.pageOrigin();
        }

        private boolean include() {
            return credentials == CredentialsMode.INCLUDE;
        }

        Prediction run() {
            if (request.spec().api().webSocket()) {
                return webSocket();
            }
            while (true) {
                String target = Urls.originOf(url);
                // main fetch
                if (request.pageOrigin().equals(target) && tainting.equals("basic")) {
                    why.add("same origin as the page: no CORS protocol");
                } else if (mode == RequestMode.SAME_ORIGIN) {
                    why.add("mode same-origin to another origin: network error before sending");
                    return failed();
                } else if (mode == RequestMode.NO_CORS) {
                    if (options.redirect() != FetchOptions.RedirectMode.FOLLOW) {
                        why.add("no-cors with redirect mode " + options.redirect().fileName()
                                + ": network error before sending");
                        return failed();
                    }
                    if (!RequestHeaderRules.safelistedMethod(method)) {
                        why.add("no-cors with method " + method + ": TypeError, not a CORS-safelisted method");
                        return failed();
                    }
                    tainting = "opaque";
                } else {
                    tainting = "cors";
                    var refused = preflightIfNeeded(target);
                    if (refused.isPresent()) {
                        return refused.get();
                    }
                }
                // "HTTP-network fetch": a stream body (body source null) over HTTP/1.x is a network error.
                if (hasBody && request.spec().bodyStream() && !server.http2(target)) {
                    why.add("a ReadableStream body over HTTP/1.1 to " + target + ": network error before sending");
                    return failed();
                }
                OracleAnswer answer = httpFetch(target);
                if (answer == null) {
                    why.add("answer from " + target + " comes after the timeout");
                    return timedOut();
                }
                ResponseHeaders response = new ResponseHeaders(answer.headers());
                if (tainting.equals("cors")) {
                    String failure = corsCheck(response, serializedOrigin(), credentials);
                    if (failure != null && !request.spec().api().observesAnswer()) {
                        why.add("the answer from " + target + " fails the CORS check, which nobody reads: "
                                + request.spec().api().fileName() + " never exposes its answer");
                        return done(answer);
                    }
                    if (failure != null) {
                        why.add("CORS check on the answer from " + target + " fails: " + failure);
                        return failed();
                    }
                    why.add("CORS check on the answer from " + target + " passes");
                }
                var location = response.combined("Location");
                if (REDIRECT_STATUSES.contains(answer.status())
                        && options.redirect() == FetchOptions.RedirectMode.ERROR) {
                    why.add(answer.status() + " with redirect mode error: network error");
                    return failed();
                }
                if (REDIRECT_STATUSES.contains(answer.status())
                        && options.redirect() == FetchOptions.RedirectMode.MANUAL) {
                    // Granted only after the CORS check passed: the page learns there was a redirect, nothing more.
                    why.add(answer.status() + " with redirect mode manual: an opaque-redirect response (status 0, "
                            + "nothing readable), not followed");
                    return prediction(Verdict.ALLOWED, 0, Set.of(), null);
                }
                if (!REDIRECT_STATUSES.contains(answer.status()) || location.isEmpty()) {
                    return done(answer);
                }
                String failure = redirect(answer.status(), location.get());
                if (failure != null) {
                    why.add("redirect fails: " + failure);
                    return failed();
                }
            }
        }

        /**
         * "HTTP-network-or-cache fetch": the answer from the HTTP cache when a fresh one is stored and the cache mode
         * lets it serve, else from the network (a conditional request when one is stored and may be revalidated; a
         * 304 freshens the stored answer, which is then the answer); null when it comes after the timeout.
         */
        private OracleAnswer httpFetch(String target) {
            FetchOptions.CacheMode cacheMode = options.cache();
            var stored = cacheMode == FetchOptions.CacheMode.NO_STORE || cacheMode == FetchOptions.CacheMode.RELOAD
                    ? java.util.Optional.<HttpCache.Entry>empty() : httpCache.lookup(url);
            if (stored.isPresent() && (cacheMode == FetchOptions.CacheMode.FORCE_CACHE
                    || (cacheMode == FetchOptions.CacheMode.DEFAULT && stored.get().freshAt(clock)))) {
                why.add("the HTTP cache holds a fresh answer for this URL: no request");
                return stored.get().answer();
            }
            List<HeaderLine> sent = new ArrayList<>(headers);
            stored.ifPresent(entry -> sent.addAll(entry.validators()));
            OracleAnswer answer = stored.isPresent() ? server.conditional(target) : server.answer(target, false);
            lastCookie = cookieSent(target);
            if (lastCookie) {
                sent.add(new HeaderLine("cookie", "case=<token>"));
            }
            hops.add(hop(target, method, originHeader(), sent));
            clock += answer.delayMillis();
            if (answer.delayMillis() >= request.spec().timeoutMs()) {
                return null;
            }
            if (stored.isPresent() && answer.status() == 304) {
                why.add("304 to the revalidation: the stored answer with the 304's header fields is the answer");
                answer = stored.get().freshenedWith(answer);
            } else if (stored.isPresent()) {
                why.add("revalidation answered " + answer.status() + ": that answer replaces the stored one");
            }
            if (cacheMode != FetchOptions.CacheMode.NO_STORE) {
                httpCache.store(url, answer, clock);
            }
            return answer;
        }

        /** A request as it arrives: its header names and their values (repeated names joined by ", "). */
        private static Hop hop(String target, String method, String origin, List<HeaderLine> sent) {
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            sent.forEach(h -> values.merge(h.name().toLowerCase(Locale.ROOT), h.value(), (a, b) -> a + ", " + b));
            return new Hop(target, method, origin, List.copyOf(values.keySet()), List.of(), values);
        }

        /**
         * WebSockets "establish a WebSocket connection": one GET with Origin and credentials, no CORS protocol; the
         * connection opens on a 101 (redirects and every other status fail it).
         */
        private Prediction webSocket() {
            String target = Urls.originOf(url);
            OracleAnswer answer = server.answer(target, false);
            hops.add(new Hop(target, "GET", request.pageOrigin(), List.of(), List.of()));
            lastCookie = request.cookie() != null && CookieRules.sent(request.cookie(), request.pageOrigin(),
                    Urls.originOf(request.targetUrl()), target);
            if (answer.status() != 101) {
                why.add("WebSocket handshake answered " + answer.status() + ", not 101: the connection fails");
                return failed();
            }
            why.add("WebSocket handshake answered 101: open (no CORS check; the server alone decides)");
            return prediction(Verdict.ALLOWED, null, Set.of(), null);
        }

        /** "HTTP-redirect fetch": null when the redirect is followed (state updated), else why it is a network error. */
        private String redirect(int status, String location) {
            URI next;
            try {
                next = new URI(url).resolve(new URI(location));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return "Location '" + location + "' does not parse";
            }
            if (next.getScheme() == null || !next.getScheme().matches("https?")) {
                return "Location '" + location + "' is not an HTTP(S) URL";
            }
            if (redirectCount == REDIRECT_LIMIT) {
                return "redirect count is already " + REDIRECT_LIMIT;
            }
            redirectCount++;
            if (status != 303 && hasBody && request.spec().bodyStream()) {
                return "a " + status + " redirect cannot resend a stream body";
            }
            String nextOrigin = Urls.originOf(next.toString());
            boolean userinfo = next.getRawUserInfo() != null;
            if (mode == RequestMode.CORS && userinfo && !request.pageOrigin().equals(nextOrigin)) {
                return "CORS mode and the Location to another origin has userinfo";
            }
            if (tainting.equals("cors") && userinfo) {
                return "response tainting cors and the Location has userinfo";
            }
            String current = Urls.originOf(url);
            if (!current.equals(nextOrigin) && !request.pageOrigin().equals(current)) {
                taintedOrigin = true;
            }
            if (((status == 301 || status == 302) && method.equals("POST"))
                    || (status == 303 && !method.equals("GET") && !method.equals("HEAD"))) {
                why.add(status + ": " + method + " becomes GET, body and request-body headers dropped");
                method = "GET";
                hasBody = false;
                headers = headers.stream().filter(h -> !REQUEST_BODY_HEADERS.contains(h.name())).toList();
            }
            if (!current.equals(nextOrigin)) {
                headers = headers.stream().filter(h -> !h.name().equals("authorization")).toList();
            }
            why.add(status + " to " + nextOrigin + (taintedOrigin ? " (origin tainted: Origin null)" : ""));
            url = Urls.withoutUserinfo(next);
            return null;
        }

        /** The CORS-preflight fetch when main fetch needs one: the request's end when the preflight stops it. */
        private java.util.Optional<Prediction> preflightIfNeeded(String target) {
            List<String> unsafe = RequestHeaderRules.unsafeNames(headers);
            boolean methodNeeds = (!RequestHeaderRules.safelistedMethod(method) || request.spec().useCorsPreflight())
                    && !cache.methodMatch(serializedOrigin(), url, include(), method, clock);
            boolean headerNeeds = unsafe.stream()
                    .anyMatch(n -> !cache.headerMatch(serializedOrigin(), url, include(), n, clock));
            boolean wouldNeed = !RequestHeaderRules.safelistedMethod(method) || !unsafe.isEmpty()
                    || request.spec().useCorsPreflight();
            if (!methodNeeds && !headerNeeds) {
                if (wouldNeed) {
                    why.add("preflight cache covers " + method + (unsafe.isEmpty() ? "" : " and " + unsafe));
                }
                return java.util.Optional.empty();
            }
            String names = String.join(",", unsafe);
            preflights++;
            preflightOrigins.add(serializedOrigin());
            // "CORS-preflight fetch": Accept */*, the method and the unsafe names; no script-set header, no cookie.
            List<HeaderLine> preflightHeaders = new ArrayList<>(List.of(new HeaderLine("accept", "*/*"),
                    new HeaderLine("access-control-request-method", method)));
            if (!unsafe.isEmpty()) {
                preflightHeaders.add(new HeaderLine("access-control-request-headers", String.join(",", unsafe)));
            }
            preflightHops.add(hop(target, "OPTIONS", serializedOrigin(), preflightHeaders));
            if (requestHeaders == null) {
                requestHeaders = names;
            }
            why.add("preflight to " + target + ": method " + method + (unsafe.isEmpty() ? "" : ", unsafe headers "
                    + names) + (request.spec().useCorsPreflight() ? ", use-CORS-preflight flag" : ""));
            OracleAnswer preflight = server.answer(target, true);
            clock += preflight.delayMillis();
            if (preflight.delayMillis() >= request.spec().timeoutMs()) {
                why.add("preflight answer comes after the timeout");
                return java.util.Optional.of(timedOut());
            }
            String failure = preflightFailure(preflight, unsafe);
            if (failure != null) {
                why.add("preflight fails: " + failure);
                return java.util.Optional.of(failed());
            }
            why.add("preflight passes");
            ResponseHeaders answer = new ResponseHeaders(preflight.headers());
            List<String> methods = answer.tokens("Access-Control-Allow-Methods").orElseThrow();
            if (answer.combined("Access-Control-Allow-Methods").isEmpty() && request.spec().useCorsPreflight()) {
                methods = List.of(method);
            }
            long maxAge = maxAge(answer);
            cache.store(serializedOrigin(), url, include(), methods,
                    answer.tokens("Access-Control-Allow-Headers").orElseThrow(), maxAge, clock);
            return java.util.Optional.empty();
        }

        /** Access-Control-Max-Age as delta-seconds; missing or not parseable: 5 seconds. */
        static long maxAge(ResponseHeaders answer) {
            var value = answer.combined("Access-Control-Max-Age");
            if (value.isPresent() && value.get().matches("\\d{1,9}")) {
                return Long.parseLong(value.get());
            }
            return 5;
        }

        /** "CORS-preflight fetch": null when the preflight answer lets the request through, else why not. */
        private String preflightFailure(OracleAnswer preflight, List<String> unsafe) {
            ResponseHeaders headers = new ResponseHeaders(preflight.headers());
            String cors = corsCheck(headers, serializedOrigin(), credentials);
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
            if (allowedMethods.isEmpty() && request.spec().useCorsPreflight()) {
                allowedMethods = List.of(method);
            }
            boolean include = include();
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
                            + (name.equals("authorization") && allowedNames.contains("*")
                            ? " (* never covers Authorization)"
                            : include && allowedNames.contains("*") ? " (* is literal with credentials)" : "");
                }
            }
            return null;
        }

        /** "Append a request Origin header": always under CORS tainting, else only for methods other than GET/HEAD. */
        private String originHeader() {
            if (tainting.equals("cors") || (!method.equals("GET") && !method.equals("HEAD"))) {
                return serializedOrigin();
            }
            return "";
        }

        private boolean cookieSent(String target) {
            boolean includeCredentials = include() || (credentials == CredentialsMode.SAME_ORIGIN && tainting.equals("basic"));
            return request.cookie() != null && includeCredentials
                    && CookieRules.sent(request.cookie(), request.pageOrigin(), Urls.originOf(request.targetUrl()), target);
        }

        private Prediction done(OracleAnswer answer) {
            Initiator api = request.spec().api();
            if (!api.observesAnswer()) {
                why.add(api.fileName() + " reached " + Urls.originOf(url) + ": delivered (its answer is discarded)");
                return prediction(Verdict.ALLOWED, null, Set.of(), null);
            }
            if (tainting.equals("opaque")) {
                why.add(api.observesTainting() ? "no-cors: " + api.fileName() + " loads an opaque response, which "
                        + "taints what script can read of it (HTML: CORS-cross-origin)"
                        : "no-cors: opaque response, nothing readable");
                return prediction(Verdict.OPAQUE, null, Set.of(), api.observesTainting() ? Boolean.TRUE : null);
            }
            Boolean tainted = api.observesTainting() ? Boolean.FALSE : null;
            if (!api.observesResponse()) {
                why.add(api.fileName() + " loads a CORS-same-origin response: script may use it");
                return prediction(Verdict.ALLOWED, null, Set.of(), tainted);
            }
            Set<String> readable = tainting.equals("cors") ? ReadableHeaders.cors(answer, credentials) : ReadableHeaders.basic(answer);
            return prediction(Verdict.ALLOWED, answer.status(), readable, null);
        }

        private Prediction failed() {
            Verdict verdict = !hops.isEmpty() ? Verdict.BLOCKED_AT_RESPONSE
                    : preflights > 0 ? Verdict.BLOCKED_AT_PREFLIGHT : Verdict.NOT_SENT;
            return prediction(verdict, null, Set.of(), null);
        }

        private Prediction timedOut() {
            return prediction(Verdict.TIMEOUT, null, Set.of(), null);
        }

        private Prediction prediction(Verdict verdict, Integer status, Set<String> readable, Boolean tainted) {
            Hop last = hops.isEmpty() ? null : hops.get(hops.size() - 1);
            return new Prediction(new Facts(verdict, preflights > 0, last != null, requestHeaders, status, readable,
                    Set.of(), last == null ? null : last.method(), hops, preflights, hops.size(),
                    last == null ? null : lastCookie, false, preflightOrigins, tainted, preflightHops), why);
        }
    }

    /** "CORS check": null when it passes, else why not. */
    static String corsCheck(ResponseHeaders headers, String origin, CredentialsMode credentials) {
        var allowOrigin = headers.combined("Access-Control-Allow-Origin");
        if (allowOrigin.isEmpty()) {
            return "no Access-Control-Allow-Origin";
        }
        boolean include = credentials == CredentialsMode.INCLUDE;
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


}
