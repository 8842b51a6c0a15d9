package dev.corssuite.suite.verify.findings;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.oracle.Prediction;
import dev.corssuite.suite.verify.RequestOutcome;
import dev.corssuite.suite.verify.direct.DirectAnswers;
import dev.corssuite.suite.verify.direct.RawAnswer;
import dev.corssuite.suite.verify.matrix.PlannedRequest;
import dev.corssuite.suite.verify.matrix.PolicyIntent;
import dev.corssuite.suite.verify.matrix.RequestMatrix;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** Server answers made up per request (no browser, no server): which findings they give, with which evidence. */
public class FindingDetectorTest {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", ".."));
    private CorsPolicy policy;

    @BeforeClass
    public void policy() {
        policy = PolicyLoader.load(ROOT.resolve("fixtures").resolve("policies").resolve("example-policy.yaml"),
                ROOT.resolve("fixtures").resolve("schema").resolve("cors-policy.schema.json"));
    }

    private static RawAnswer answer(String method, int status, String... nameValue) {
        List<HeaderLine> lines = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            lines.add(new HeaderLine(nameValue[i], nameValue[i + 1]));
        }
        return new RawAnswer(method, status, lines, null, 1);
    }

    /** Findings when the server answers preflights with {@code preflight} and the rest with {@code actual}. */
    private Map<FindingKind, List<String>> findings(BiFunction<PlannedRequest, Boolean, RawAnswer> server) {
        List<RequestOutcome> outcomes = new ArrayList<>();
        for (PlannedRequest r : RequestMatrix.derive(policy)) {
            boolean preflighted = !List.of("GET", "HEAD", "POST").contains(r.method()) || !r.spec().headers().isEmpty();
            Prediction intent = PolicyIntent.predict(policy, r, "http://localhost:8080");
            outcomes.add(new RequestOutcome(r, intent, new DirectAnswers(preflighted ? server.apply(r, true) : null,
                    server.apply(r, false)), intent, Map.of(), Map.of(), null, Map.of()));
        }
        return FindingDetector.detect(policy, outcomes, null, null).stream()
                .collect(Collectors.toMap(Finding::kind, Finding::evidence));
    }

    private static String[] allowFor(String origin) {
        return new String[] {"Access-Control-Allow-Origin", origin, "Access-Control-Allow-Credentials", "true",
                "Access-Control-Allow-Methods", "GET, POST, PUT",
                "Access-Control-Allow-Headers", "Content-Type, X-Api-Key"};
    }

    @Test
    public void aFixedOriginNeedsNoVaryAReflectedOneDoes() {
        Map<FindingKind, List<String>> fixed = findings((r, pre) -> answer(pre ? "OPTIONS" : r.method(), 200,
                allowFor("https://app.example.com")));
        assertEquals(fixed.keySet(), Set.of(), fixed.toString());
        Map<FindingKind, List<String>> reflected = findings((r, pre) -> answer(pre ? "OPTIONS" : r.method(), 200,
                allowFor(r.from().origin())));
        assertTrue(reflected.keySet().containsAll(Set.of(FindingKind.MISSING_VARY, FindingKind.ORIGIN_REFLECTED,
                FindingKind.NULL_ALLOWED, FindingKind.LOOKALIKE_ALLOWED)), reflected.keySet().toString());
        assertTrue(reflected.get(FindingKind.ORIGIN_REFLECTED).get(0).contains("https://attacker.cors-suite.test"));
        assertTrue(reflected.get(FindingKind.LOOKALIKE_ALLOWED).stream().anyMatch(e -> e.contains("appxexample.com")
                && e.contains("unescaped dot")), reflected.get(FindingKind.LOOKALIKE_ALLOWED).toString());
    }

    @Test
    public void preflightStatusesNameTheirCause() {
        Map<FindingKind, List<String>> redirected = findings((r, pre) -> pre
                ? answer("OPTIONS", 302, "Location", "https://login.example.com/")
                : answer(r.method(), 200, allowFor("https://app.example.com")));
        assertTrue(redirected.containsKey(FindingKind.PREFLIGHT_REFUSED), redirected.keySet().toString());
        assertTrue(redirected.get(FindingKind.PREFLIGHT_REFUSED).get(0).contains("302, Location: https://login"),
                redirected.get(FindingKind.PREFLIGHT_REFUSED).toString());
        Map<FindingKind, List<String>> unrouted = findings((r, pre) -> pre ? answer("OPTIONS", 405, "Allow", "GET")
                : answer(r.method(), 200, allowFor("https://app.example.com")));
        assertTrue(unrouted.containsKey(FindingKind.OPTIONS_NOT_ROUTED), unrouted.keySet().toString());
        assertFalse(unrouted.containsKey(FindingKind.PREFLIGHT_REFUSED));
    }

    @Test
    public void maxAgeIsComparedWithEachEnginesCap() {
        Map<FindingKind, List<String>> found = findings((r, pre) -> pre
                ? answer("OPTIONS", 204, concat(allowFor("https://app.example.com"), "Access-Control-Max-Age", "7201"))
                : answer(r.method(), 200, allowFor("https://app.example.com")));
        assertEquals(found.keySet(), Set.of(FindingKind.MAX_AGE_ABOVE_CAPS));
        assertTrue(found.get(FindingKind.MAX_AGE_ABOVE_CAPS).get(0).contains(
                "honoured as 600 s in WebKit, 7200 s in Chromium, 7201 s in Firefox"));
    }

    @Test
    public void errorsWithoutCorsHeadersCountOnlyWhenSuccessesHaveThem() {
        Map<FindingKind, List<String>> found = findings((r, pre) -> pre
                ? answer("OPTIONS", 204, allowFor("https://app.example.com"))
                : r.method().equals("PUT") ? answer("PUT", 500)
                : answer(r.method(), 200, allowFor("https://app.example.com")));
        assertTrue(found.get(FindingKind.NO_CORS_ON_ERRORS).stream().allMatch(e -> e.startsWith("PUT ")
                && e.contains("500, no CORS headers")), found.toString());
        Map<FindingKind, List<String>> noCorsAtAll = findings((r, pre) -> answer(pre ? "OPTIONS" : r.method(),
                r.method().equals("PUT") ? 500 : 200));
        assertFalse(noCorsAtAll.containsKey(FindingKind.NO_CORS_ON_ERRORS), noCorsAtAll.keySet().toString());
    }

    @Test
    public void anActualRequestNoBrowserSendsAfterItsFailedPreflightIsNoEvidence() {
        // A CORS layer that refuses unlisted methods: the preflight lists only the policy's, the request gets 403.
        Map<FindingKind, List<String>> found = findings((r, pre) -> pre
                ? answer("OPTIONS", 204, allowFor("https://app.example.com"))
                : policy.allowsMethod(r.method()) ? answer(r.method(), 200, allowFor("https://app.example.com"))
                : answer(r.method(), 403));
        assertEquals(found.keySet(), Set.of(), found.toString());
        Map<FindingKind, List<String>> marked = findings((r, pre) -> pre
                ? answer("OPTIONS", 204, allowFor("https://app.example.com"))
                : policy.allowsMethod(r.method()) ? answer(r.method(), 200, allowFor("https://app.example.com"))
                : answer(r.method(), 403, "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials",
                "true"));
        assertTrue(marked.get(FindingKind.WILDCARD_WITH_CREDENTIALS).stream().allMatch(e -> e.contains(
                "[browser-free only: browsers stop at the failed preflight")), marked.toString());
        Map<FindingKind, List<String>> listedRefused = findings((r, pre) -> pre
                ? answer("OPTIONS", 204, allowFor("https://app.example.com"))
                : r.method().equals("PUT") ? answer("PUT", 403)
                : answer(r.method(), 200, allowFor("https://app.example.com")));
        assertTrue(listedRefused.get(FindingKind.NO_CORS_ON_ERRORS).stream().allMatch(e -> e.startsWith("PUT ")),
                listedRefused.toString());
    }

    @Test
    public void wildcardWithCredentialsAndAPreflightWithoutCredentialsAreSeen() {
        Map<FindingKind, List<String>> wildcard = findings((r, pre) -> answer(pre ? "OPTIONS" : r.method(), 200,
                "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true"));
        assertTrue(wildcard.containsKey(FindingKind.WILDCARD_WITH_CREDENTIALS));
        Map<FindingKind, List<String>> noCredentials = findings((r, pre) -> pre
                ? answer("OPTIONS", 204, "Access-Control-Allow-Origin", "https://app.example.com",
                "Access-Control-Allow-Methods", "GET, POST, PUT", "Access-Control-Allow-Headers", "Content-Type, X-Api-Key")
                : answer(r.method(), 200, allowFor("https://app.example.com")));
        assertTrue(noCredentials.containsKey(FindingKind.PREFLIGHT_WITHOUT_CREDENTIALS), noCredentials.toString());
        assertTrue(noCredentials.get(FindingKind.PREFLIGHT_WITHOUT_CREDENTIALS).stream()
                .allMatch(e -> e.contains("(credentialed)")));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
