package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.request.CredentialsMode;
import dev.corssuite.suite.request.FetchOptions;
import dev.corssuite.suite.request.RequestMode;
import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.request.RequestSpec;
import org.testng.annotations.Test;

import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

public class FetchOracleTest {
    private static final String PAGE = "http://localhost:1001";
    private static final String OTHER = "http://localhost:1002";
    private static final OracleAnswer NOTHING = new OracleAnswer(200, List.of(), 0);

    private static OracleRequest request(String method, String credentials, HeaderLine... headers) {
        return new OracleRequest(PAGE, OTHER, RequestSpec.fetch(method, List.of(headers),
                CredentialsMode.fromFileName(credentials), null, 5000));
    }

    private static OracleAnswer answer(int status, String... nameValue) {
        List<HeaderLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            lines.add(new HeaderLine(nameValue[i], nameValue[i + 1]));
        }
        return new OracleAnswer(status, lines, 0);
    }

    @Test
    public void authorizationIsNeverCoveredByTheWildcard() {
        var r = request("GET", "same-origin", new HeaderLine("Authorization", "Bearer x"));
        var star = answer(200, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Headers", "*");
        var listed = answer(200, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Headers", "authorization");
        var ok = answer(200, "Access-Control-Allow-Origin", "*");
        assertEquals(FetchOracle.predict(r, star, ok).verdict(), Verdict.BLOCKED_AT_PREFLIGHT);
        assertEquals(FetchOracle.predict(r, listed, ok).verdict(), Verdict.ALLOWED);
        var custom = request("GET", "same-origin", new HeaderLine("X-Custom", "1"));
        assertEquals(FetchOracle.predict(custom, star, ok).verdict(), Verdict.ALLOWED);
    }

    @Test
    public void wildcardsAreLiteralWithCredentials() {
        var r = request("PUT", "include");
        var allowAll = answer(200, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true",
                "Access-Control-Allow-Methods", "*");
        var allowPut = answer(200, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true",
                "Access-Control-Allow-Methods", "PUT");
        var actual = answer(200, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true");
        assertEquals(FetchOracle.predict(r, allowAll, actual).verdict(), Verdict.BLOCKED_AT_PREFLIGHT);
        assertEquals(FetchOracle.predict(r, allowPut, actual).verdict(), Verdict.ALLOWED);
    }

    @Test
    public void credentialsNeedExactlyTrue() {
        var r = request("GET", "include");
        for (String value : List.of("TRUE", "True", "1", "\"true\"")) {
            var a = answer(200, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", value);
            assertEquals(FetchOracle.predict(r, NOTHING, a).verdict(), Verdict.BLOCKED_AT_RESPONSE, value);
        }
        var a = answer(200, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true");
        assertEquals(FetchOracle.predict(r, NOTHING, a).verdict(), Verdict.ALLOWED);
        var star = answer(200, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true");
        assertEquals(FetchOracle.predict(r, NOTHING, star).verdict(), Verdict.BLOCKED_AT_RESPONSE);
    }

    @Test
    public void requestHeadersAreLowercaseSortedAndSafelistRulesApply() {
        var r = request("GET", "omit", new HeaderLine("X-Zeta", "1"), new HeaderLine("X-Alpha", "2"),
                new HeaderLine("Content-Type", "text/plain;charset=utf-8"), new HeaderLine("Accept-Language", "en_US"));
        Prediction p = FetchOracle.predict(r, NOTHING, NOTHING);
        assertEquals(p.facts().requestHeaders(), "accept-language,x-alpha,x-zeta");
        assertTrue(p.facts().preflight());
        assertFalse(p.facts().reached());
    }

    @Test
    public void safelistedValuesOverTheLimitsBecomeUnsafe() {
        assertTrue(RequestHeaderRules.safelisted("Accept", "a".repeat(128)));
        assertFalse(RequestHeaderRules.safelisted("Accept", "a".repeat(129)));
        var many = List.of(new HeaderLine("Accept", "a".repeat(128)), new HeaderLine("Accept-Language", "b".repeat(128)),
                new HeaderLine("Content-Language", "c".repeat(128)));
        assertEquals(RequestHeaderRules.unsafeNames(many), List.of());
        var bigger = new java.util.ArrayList<>(many);
        for (int i = 0; i < 7; i++) {
            bigger.add(new HeaderLine("Accept", "d".repeat(100)));
        }
        // fetch appends one entry per value: 3 x 128 + 7 x 100 > 1024, so every safelisted name turns unsafe
        assertEquals(RequestHeaderRules.unsafeNames(RequestHeaderRules.headerList(bigger, Initiator.FETCH)),
                List.of("accept", "accept-language", "content-language"));
        // XHR combines the Accept values into one entry of over 128 bytes: only accept is unsafe
        assertEquals(RequestHeaderRules.unsafeNames(RequestHeaderRules.headerList(bigger, Initiator.XHR)), List.of("accept"));
        assertTrue(RequestHeaderRules.validRange("bytes=0-"));
        assertTrue(RequestHeaderRules.validRange("bytes=5-10"));
        assertFalse(RequestHeaderRules.validRange("bytes=10-5"));
        assertFalse(RequestHeaderRules.validRange("bytes=-5"));
        assertFalse(RequestHeaderRules.validRange("bytes=0-1,3-4"));
        assertFalse(RequestHeaderRules.safelisted("Content-Type", "application/json"));
        assertTrue(RequestHeaderRules.safelisted("Content-Type", "Text/Plain; charset=utf-8"));
    }

    @Test
    public void methodNormalizationUppercasesOnlyTheSix() {
        assertEquals(RequestHeaderRules.normalizeMethod("delete"), "DELETE");
        assertEquals(RequestHeaderRules.normalizeMethod("patch"), "patch");
        var patch = request("patch", "omit");
        var upper = answer(200, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "PATCH");
        var lower = answer(200, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "patch");
        var ok = answer(200, "Access-Control-Allow-Origin", "*");
        assertEquals(FetchOracle.predict(patch, upper, ok).verdict(), Verdict.BLOCKED_AT_PREFLIGHT);
        assertEquals(FetchOracle.predict(patch, lower, ok).verdict(), Verdict.ALLOWED);
    }

    @Test
    public void exposedHeadersAndSetCookie() {
        var r = request("GET", "omit");
        var a = answer(200, "Access-Control-Allow-Origin", "*", "Access-Control-Expose-Headers", "*",
                "X-Custom", "1", "Set-Cookie", "a=b", "Content-Type", "text/plain");
        Prediction p = FetchOracle.predict(r, NOTHING, a);
        assertTrue(p.facts().readable().contains("x-custom"));
        assertFalse(p.facts().readable().contains("set-cookie"));
        var withCredentials = request("GET", "include");
        var b = answer(200, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true",
                "Access-Control-Expose-Headers", "*", "X-Custom", "1", "Content-Type", "text/plain");
        Prediction q = FetchOracle.predict(withCredentials, NOTHING, b);
        assertFalse(q.facts().readable().contains("x-custom"));
        assertTrue(q.facts().readable().contains("content-type"));
    }

    @Test
    public void preflightStatusAndInvalidListsFail() {
        var r = request("PUT", "omit");
        var ok = answer(200, "Access-Control-Allow-Origin", "*");
        assertEquals(FetchOracle.predict(r, answer(204, "Access-Control-Allow-Origin", "*",
                "Access-Control-Allow-Methods", "PUT"), ok).verdict(), Verdict.ALLOWED);
        assertEquals(FetchOracle.predict(r, answer(301, "Access-Control-Allow-Origin", "*",
                "Access-Control-Allow-Methods", "PUT"), ok).verdict(), Verdict.BLOCKED_AT_PREFLIGHT);
        assertEquals(FetchOracle.predict(r, answer(200, "Access-Control-Allow-Origin", "*",
                "Access-Control-Allow-Methods", "PUT, ?"), ok).verdict(), Verdict.BLOCKED_AT_PREFLIGHT);
    }

    @Test
    public void redirectsAreCheckedPerHopTaintTheOriginAndStopAfterTwenty() {
        String third = "http://127.0.0.1:1003";
        var hop = answer(302, "Location", third + "/x", "Access-Control-Allow-Origin", "*");
        var end = answer(200, "Access-Control-Allow-Origin", "null");
        OracleServer server = (origin, preflight) -> origin.equals(OTHER) ? hop : end;
        var get = new OracleRequest(PAGE, OTHER + "/x", RequestSpec.fetch("GET", List.of(),
                CredentialsMode.fromFileName("same-origin"), null, 5000));
        Prediction p = FetchOracle.predict(List.of(new OracleStep(get, 0)), server);
        assertEquals(p.verdict(), Verdict.ALLOWED);
        assertEquals(p.facts().hops().get(1).origin(), "null");
        var loop = answer(302, "Location", OTHER + "/x", "Access-Control-Allow-Origin", "*");
        Prediction looped = FetchOracle.predict(List.of(new OracleStep(get, 0)), (origin, preflight) -> loop);
        assertEquals(looped.verdict(), Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(looped.facts().requests(), FetchOracle.REDIRECT_LIMIT + 1);
    }

    @Test
    public void thePreflightCacheServesRepeatsWithinMaxAgeAndCredentialedEntriesServeUncredentialed() {
        var put = new OracleRequest(PAGE, OTHER + "/x", RequestSpec.fetch("PUT", List.of(),
                CredentialsMode.fromFileName("include"), null, 5000));
        var putOmit = new OracleRequest(PAGE, OTHER + "/x", RequestSpec.fetch("PUT", List.of(),
                CredentialsMode.fromFileName("omit"), null, 5000));
        var allow = answer(200, "Access-Control-Allow-Origin", PAGE, "Access-Control-Allow-Credentials", "true",
                "Access-Control-Allow-Methods", "PUT");
        OracleServer server = (origin, preflight) -> allow;
        assertEquals(FetchOracle.predict(List.of(new OracleStep(put, 0), new OracleStep(put, 0)), server)
                .facts().preflights(), 1);
        assertEquals(FetchOracle.predict(List.of(new OracleStep(put, 0), new OracleStep(put, 6000)), server)
                .facts().preflights(), 2, "the default max-age is 5 s");
        assertEquals(FetchOracle.predict(List.of(new OracleStep(put, 0), new OracleStep(putOmit, 0)), server)
                .facts().preflights(), 1);
        assertEquals(FetchOracle.predict(List.of(new OracleStep(putOmit, 0), new OracleStep(put, 0)), server)
                .facts().preflights(), 2);
    }
    private static OracleRequest withOptions(String method, String body, FetchOptions options, RequestMode mode,
                                             HeaderLine... headers) {
        return new OracleRequest(PAGE, OTHER + "/cors/case", new RequestSpec(Initiator.FETCH, method, List.of(headers),
                body, false, CredentialsMode.SAME_ORIGIN, mode, false, null, 5000, options));
    }

    @Test
    public void theBodysTypeDecidesThePreflightAndNoCorsDropsAnUnsafeOne() {
        var json = new FetchOptions(FetchOptions.BodyKind.BLOB, "application/json", null, null);
        var form = new FetchOptions(FetchOptions.BodyKind.FORM_DATA, null, null, null);
        var ok = answer(200, "Access-Control-Allow-Origin", "*");
        Prediction blob = FetchOracle.predict(withOptions("POST", "{}", json, RequestMode.CORS), NOTHING, ok);
        assertEquals(blob.verdict(), Verdict.BLOCKED_AT_PREFLIGHT);
        assertEquals(blob.facts().requestHeaders(), "content-type");
        Prediction multipart = FetchOracle.predict(withOptions("POST", "a=1", form, RequestMode.CORS), NOTHING, ok);
        assertEquals(multipart.verdict(), Verdict.ALLOWED);
        assertTrue(multipart.facts().hops().get(0).values().get("content-type").startsWith("multipart/form-data; "));
        Prediction noCors = FetchOracle.predict(withOptions("POST", "{}", json, RequestMode.NO_CORS), NOTHING, ok);
        assertEquals(noCors.verdict(), Verdict.OPAQUE);
        assertFalse(noCors.facts().hops().get(0).with().contains("content-type"));
    }

    @Test
    public void redirectModesActAfterTheRedirectsCorsCheck() {
        var manual = new FetchOptions(null, null, FetchOptions.RedirectMode.MANUAL, null);
        var error = new FetchOptions(null, null, FetchOptions.RedirectMode.ERROR, null);
        var redirect = answer(302, "Location", "http://127.0.0.1:1003/cors/case", "Access-Control-Allow-Origin", "*");
        var bare = answer(302, "Location", "http://127.0.0.1:1003/cors/case");
        Prediction opaque = FetchOracle.predict(withOptions("GET", null, manual, RequestMode.CORS), NOTHING, redirect);
        assertEquals(opaque.verdict(), Verdict.ALLOWED);
        assertEquals(opaque.facts().status(), Integer.valueOf(0));
        assertEquals(opaque.facts().requests(), Integer.valueOf(1));
        assertEquals(FetchOracle.predict(withOptions("GET", null, manual, RequestMode.CORS), NOTHING, bare).verdict(),
                Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(FetchOracle.predict(withOptions("GET", null, error, RequestMode.CORS), NOTHING, redirect)
                .verdict(), Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(FetchOracle.predict(withOptions("GET", null, manual, RequestMode.NO_CORS), NOTHING, redirect)
                .verdict(), Verdict.NOT_SENT);
    }

    @Test
    public void aRevalidationsCorsCheckRunsOnTheStoredAnswerFreshenedByThe304() {
        var noCache = new FetchOptions(null, null, null, FetchOptions.CacheMode.NO_CACHE);
        var stored = answer(200, "Access-Control-Allow-Origin", PAGE, "ETag", "\"v1\"", "X-Old", "1");
        OracleServer server = new OracleServer() {
            @Override
            public OracleAnswer answer(String origin, boolean preflight) {
                return stored;
            }

            @Override
            public OracleAnswer conditional(String origin) {
                return FetchOracleTest.answer(304, "X-Old", "2", "Access-Control-Expose-Headers", "X-Old");
            }
        };
        var first = new OracleStep(withOptions("GET", null, FetchOptions.DEFAULT, RequestMode.CORS), 0);
        var second = new OracleStep(withOptions("GET", null, noCache, RequestMode.CORS), 0);
        Prediction p = FetchOracle.predict(List.of(first, second), server);
        assertEquals(p.verdict(), Verdict.ALLOWED);
        assertEquals(p.facts().status(), Integer.valueOf(200));
        assertTrue(p.facts().readable().contains("x-old"), p.facts().readable().toString());
        assertEquals(p.facts().hops().get(0).values().get("if-none-match"), "\"v1\"");
        assertEquals(p.facts().requests(), Integer.valueOf(2));
    }

    @Test
    public void aPreflightCarriesAcceptTheMethodAndTheNamesOnly() {
        var r = request("PUT", "include", new HeaderLine("X-B", "secret"), new HeaderLine("X-A", "1"));
        Prediction p = FetchOracle.predict(r, NOTHING, NOTHING);
        var preflight = p.facts().preflightHops().get(0);
        assertEquals(preflight.method(), "OPTIONS");
        assertEquals(preflight.values(), java.util.Map.of("accept", "*/*", "access-control-request-method", "PUT",
                "access-control-request-headers", "x-a,x-b"));
        assertFalse(preflight.with().contains("x-b"));
    }
}
