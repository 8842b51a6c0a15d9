package dev.corssuite.suite.verify.matrix;

import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

public class RequestMatrixTest {
    private static final Path SCHEMA = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures")
            .resolve("schema").resolve("cors-policy.schema.json");
    private static final String TARGET = "http://localhost:8080";

    private static CorsPolicy policy(String yaml) throws IOException {
        Path file = Files.createTempFile("policy", ".yaml");
        Files.writeString(file, yaml);
        return PolicyLoader.load(file, SCHEMA);
    }

    private static CorsPolicy typical() throws IOException {
        return policy("""
                origins: [https://app.example.com, "https://*.example.org"]
                methods: [GET, POST, PUT]
                requestHeaders: [Content-Type, X-Api-Key]
                credentials: true
                endpoints: [{path: /api/items}, {path: /api/health, methods: [GET]}]
                """);
    }

    @Test
    public void anIpv6OriginIsSentFromAndHasOnlyTheHttpVariantAsLookalike() throws IOException {
        CorsPolicy policy = policy("origins: [\"https://[::1]:3000\"]\nmethods: [GET]\nendpoints: [{path: /}]\n");
        Map<String, OriginKind> origins = HostileOrigins.derive(policy).stream()
                .collect(Collectors.toMap(TestOrigin::origin, TestOrigin::kind));
        assertEquals(origins, Map.of("https://[::1]:3000", OriginKind.ALLOWED,
                "https://attacker.cors-suite.test", OriginKind.STRANGER, "null", OriginKind.NULL,
                "http://[::1]:3000", OriginKind.HTTP_VARIANT));
        TestOrigin allowed = HostileOrigins.derive(policy).get(0);
        assertEquals(allowed.host(), "[::1]");
        assertEquals(allowed.authority(), "[::1]:3000");
        TestOrigin noPort = HostileOrigins.derive(policy("origins: [\"https://[::1]\"]\nmethods: [GET]\n"
                + "endpoints: [{path: /}]\n")).get(0);
        assertEquals(noPort.host(), "[::1]");
        assertEquals(noPort.authority(), "[::1]:443");
    }

    @Test
    public void hostileOriginsCoverEveryShapeAndNeverOneThePolicyAllows() throws IOException {
        Map<String, OriginKind> origins = HostileOrigins.derive(typical()).stream()
                .collect(Collectors.toMap(TestOrigin::origin, TestOrigin::kind));
        assertEquals(origins.get("https://app.example.com"), OriginKind.ALLOWED);
        assertEquals(origins.get("https://cors-suite-sub.example.org"), OriginKind.ALLOWED);
        assertEquals(origins.get("https://attacker.cors-suite.test"), OriginKind.STRANGER);
        assertEquals(origins.get("null"), OriginKind.NULL);
        assertEquals(origins.get("https://evil-app.example.com"), OriginKind.PREFIX);
        assertEquals(origins.get("https://evil-example.org"), OriginKind.PREFIX);
        assertEquals(origins.get("https://app.example.com.evil.test"), OriginKind.SUFFIX);
        assertEquals(origins.get("https://example.org.evil.test"), OriginKind.SUFFIX);
        assertEquals(origins.get("https://appxexample.com"), OriginKind.UNESCAPED_DOT);
        assertEquals(origins.get("https://app.example.com_.evil.test"), OriginKind.SPECIAL_CHARACTER);
        assertEquals(origins.get("http://app.example.com"), OriginKind.HTTP_VARIANT);
        assertEquals(origins.get("http://cors-suite-sub.example.org"), OriginKind.HTTP_VARIANT);
        assertEquals(origins.get("https://cors-suite-unlisted.example.com"), OriginKind.UNLISTED_SUBDOMAIN);
        assertEquals(origins.get("https://example.org"), OriginKind.UNLISTED_SUBDOMAIN);
        CorsPolicy policy = typical();
        origins.forEach((origin, kind) -> assertEquals(policy.allows(origin), kind == OriginKind.ALLOWED, origin));
    }

    /** An endpoint used as an element or a font is loaded that way from every origin; the policy intends the rest. */
    @Test
    public void anEndpointUsedAsAnElementIsLoadedThatWayAndIntendedByThePolicy() throws IOException {
        CorsPolicy policy = policy("""
                origins: [https://app.example.com]
                methods: [GET, POST]
                credentials: true
                endpoints: [{path: /logo.png, as: image}, {path: /font.woff, as: font}, {path: /events, as: eventsource}]
                """);
        List<PlannedRequest> planned = RequestMatrix.derive(policy);
        List<PlannedRequest> allowed = planned.stream().filter(r -> r.from().origin().equals("https://app.example.com"))
                .toList();
        assertEquals(allowed.stream().map(r -> r.path() + r.usedAs() + (r.credentialed() ? " +credentials" : ""))
                .toList(), List.of("/logo.png as img (crossorigin anonymous)",
                "/logo.png as img (crossorigin use-credentials) +credentials", "/font.woff as font",
                "/events as eventsource", "/events as eventsource +credentials"));
        assertTrue(planned.stream().allMatch(r -> r.method().equals("GET") && r.spec().headers().isEmpty()));
        for (PlannedRequest r : planned) {
            Verdict intended = PolicyIntent.predict(policy, r, TARGET).verdict();
            assertEquals(intended, r.from().origin().equals("https://app.example.com") ? Verdict.ALLOWED
                    : Verdict.BLOCKED_AT_RESPONSE, r.describe());
        }
    }

    @Test
    public void anEndpointUsedAsAnElementLoadsWithGetOnly() throws IOException {
        var refused = org.testng.Assert.expectThrows(dev.corssuite.suite.documents.InvalidInputException.class,
                () -> policy("""
                        origins: [https://app.example.com]
                        methods: [GET, POST]
                        endpoints: [{path: /logo.png, as: image, methods: [POST]}]
                        """));
        assertEquals(refused.problems().get(0).field(), "endpoints[0].methods", refused.problems().toString());
    }

    @Test
    public void aLookAlikeThePolicyAllowsIsNotHostile() throws IOException {
        CorsPolicy policy = policy("""
                origins: [https://app.example.com, https://evil-app.example.com, http://app.example.com]
                methods: [GET]
                endpoints: [{path: /}]
                """);
        List<TestOrigin> origins = HostileOrigins.derive(policy);
        assertTrue(origins.stream().filter(o -> o.origin().equals("https://evil-app.example.com"))
                .allMatch(o -> o.kind() == OriginKind.ALLOWED));
        assertTrue(origins.stream().filter(o -> o.origin().equals("http://app.example.com"))
                .allMatch(o -> o.kind() == OriginKind.ALLOWED));
    }

    @Test
    public void allowedOriginsGetEveryCombinationHostileOnesTheEndpointMethods() throws IOException {
        List<PlannedRequest> matrix = RequestMatrix.derive(typical());
        List<PlannedRequest> fromApp = matrix.stream()
                .filter(r -> r.from().origin().equals("https://app.example.com")).toList();
        // /api/items: 3 methods x 2 header sets + unlisted header + unlisted method; /api/health: 1 x 2 + 1 + 1
        assertEquals(fromApp.size(), (3 * 2 + 1 + 1 + 2 + 1 + 1) * 2);
        assertTrue(fromApp.stream().anyMatch(r -> r.method().equals("DELETE")), "the unlisted method is tried");
        assertTrue(fromApp.stream().anyMatch(r -> r.headerSet().equals("unlisted")));
        List<PlannedRequest> fromNull = matrix.stream().filter(r -> r.from().kind() == OriginKind.NULL).toList();
        assertEquals(fromNull.size(), (3 + 1) * 2);
        assertTrue(fromNull.stream().allMatch(r -> r.spec().headers().isEmpty()));
        assertEquals(matrix.stream().map(PlannedRequest::id).distinct().count(), matrix.size(), "ids are unique");
    }

    @Test
    public void theIntentFollowsThePolicy() throws IOException {
        CorsPolicy policy = typical();
        Map<String, Verdict> intents = RequestMatrix.derive(policy).stream().collect(Collectors.toMap(
                r -> r.method() + " " + r.path() + " " + r.from().origin() + " " + r.headerSet() + " "
                        + r.spec().credentials().fileName(),
                r -> PolicyIntent.predict(policy, r, TARGET).verdict()));
        assertEquals(intents.get("GET /api/items https://app.example.com none include"), Verdict.ALLOWED);
        assertEquals(intents.get("PUT /api/items https://app.example.com policy include"), Verdict.ALLOWED);
        assertEquals(intents.get("GET /api/items https://cors-suite-sub.example.org none same-origin"),
                Verdict.ALLOWED);
        assertEquals(intents.get("GET /api/items https://app.example.com unlisted same-origin"),
                Verdict.BLOCKED_AT_PREFLIGHT);
        assertEquals(intents.get("DELETE /api/items https://app.example.com none same-origin"),
                Verdict.BLOCKED_AT_PREFLIGHT);
        assertEquals(intents.get("GET /api/items https://app.example.com.evil.test none include"),
                Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(intents.get("PUT /api/items null none same-origin"), Verdict.BLOCKED_AT_PREFLIGHT);
    }

    @Test
    public void withoutCredentialsInThePolicyCredentialedRequestsAreRefused() throws IOException {
        CorsPolicy policy = policy("origins: ['*']\nmethods: [GET]\nendpoints: [{path: /}]\n");
        List<PlannedRequest> matrix = RequestMatrix.derive(policy);
        assertFalse(matrix.stream().anyMatch(r -> r.from().kind() == OriginKind.NULL), "* lets null in");
        for (PlannedRequest r : matrix) {
            Verdict v = PolicyIntent.predict(policy, r, TARGET).verdict();
            if (r.headerSet().equals("none") && r.method().equals("GET")) {
                assertEquals(v, r.credentialed() ? Verdict.BLOCKED_AT_RESPONSE : Verdict.ALLOWED, r.describe());
            }
        }
    }
}
