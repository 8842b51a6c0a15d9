package dev.corssuite.suite.verify;

import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.FindingKind;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.corssuite.suite.verify.findings.FindingKind.EXPOSED_HEADER_UNREADABLE;
import static dev.corssuite.suite.verify.findings.FindingKind.LOOKALIKE_ALLOWED;
import static dev.corssuite.suite.verify.findings.FindingKind.MAX_AGE_ABOVE_CAPS;
import static dev.corssuite.suite.verify.findings.FindingKind.MISSING_VARY;
import static dev.corssuite.suite.verify.findings.FindingKind.NO_CORS_ON_ERRORS;
import static dev.corssuite.suite.verify.findings.FindingKind.NULL_ALLOWED;
import static dev.corssuite.suite.verify.findings.FindingKind.OPTIONS_NOT_ROUTED;
import static dev.corssuite.suite.verify.findings.FindingKind.ORIGIN_REFLECTED;
import static dev.corssuite.suite.verify.findings.FindingKind.POLICY_ALLOWS_SERVER_REJECTS;
import static dev.corssuite.suite.verify.findings.FindingKind.PREFLIGHT_REFUSED;
import static dev.corssuite.suite.verify.findings.FindingKind.PREFLIGHT_WITHOUT_CREDENTIALS;
import static dev.corssuite.suite.verify.findings.FindingKind.SERVER_ALLOWS_POLICY_REJECTS;
import static dev.corssuite.suite.verify.findings.FindingKind.WILDCARD_WITH_CREDENTIALS;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * Real servers a user would run (nginx from Debian, Express with the cors package from npm), each with a policy
 * file, verified in real browsers: the correct configurations give no findings in every selected engine, each
 * misconfigured one gives its expected findings (run in the first selected engine, to keep the suite short).
 */
@Test(groups = "browser")
public class ServerVerificationTest {
    /** The README's example policy: the tests keep the worked example true. */
    static final Path EXAMPLE_POLICY = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures")
            .resolve("policies").resolve("example-policy.yaml");

    private String allBrowsers;
    private String oneBrowser;
    private Path policy;

    @BeforeClass
    public void choose() throws IOException {
        allBrowsers = System.getProperty("cors.browsers", "all");
        oneBrowser = EngineSelection.choose(Arrays.asList(allBrowsers.split(","))).engines().get(0).name();
        policy = EXAMPLE_POLICY;
    }

    static VerifyResult verify(URI target, Path policy, String browsers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        VerifyResult result;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            result = TargetVerification.execute(VerifyOptions.of(target.toString(), policy,
                    RunSettings.split(browsers), RunSettings.projectRoot()), o, e);
        }
        System.out.println(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        return result;
    }

    static void assertNoFindings(VerifyResult result) {
        assertEquals(result.findings(), List.of(), "findings");
        assertEquals(result.exitCode(), TargetVerification.OK);
        assertAllAsIntended(result);
    }

    static void assertAllAsIntended(VerifyResult result) {
        assertTrue(result.browsers().size() >= 1);
        result.browsers().keySet().forEach(engine -> {
            long ran = result.outcomes().stream().filter(o -> o.browsers().containsKey(engine)).count();
            assertTrue(ran > 40, engine + " ran " + ran + " requests");
            result.outcomes().stream().filter(o -> o.browsers().containsKey(engine)).forEach(o -> assertTrue(
                    o.asIntended(engine).orElseThrow(),
                    engine + ": " + o.request().describe() + " -> " + o.browsers().get(engine).verdict()));
        });
    }

    static void assertFindings(VerifyResult result, Set<FindingKind> expected, Set<FindingKind> absent) {
        Set<FindingKind> found = result.kinds();
        assertTrue(found.containsAll(expected), "expected " + expected + ", found " + found);
        absent.forEach(kind -> assertTrue(!found.contains(kind), kind + " reported: " + evidence(result, kind)));
        for (Finding f : result.findings()) {
            assertTrue(!f.evidence().isEmpty(), f.kind() + " without evidence");
        }
        assertEquals(result.exitCode(), TargetVerification.FINDINGS);
    }

    private static List<String> evidence(VerifyResult result, FindingKind kind) {
        return result.findings().stream().filter(f -> f.kind() == kind).flatMap(f -> f.evidence().stream()).toList();
    }

    @Test
    public void aCorrectNginxConfigurationHasNoFindingsInEveryBrowser() throws Exception {
        try (NginxServer nginx = new NginxServer("correct")) {
            assertNoFindings(verify(nginx.url(), policy, allBrowsers));
        }
    }

    @Test
    public void aCorrectExpressCorsConfigurationHasNoFindingsInEveryBrowser() throws Exception {
        try (ExpressServer express = new ExpressServer("correct")) {
            assertNoFindings(verify(express.url(), policy, allBrowsers));
        }
    }

    @DataProvider
    public Object[][] misconfiguredNginx() {
        return new Object[][] {
            {"reflect-origin", EnumSet.of(ORIGIN_REFLECTED, NULL_ALLOWED, LOOKALIKE_ALLOWED, MISSING_VARY),
                EnumSet.of(WILDCARD_WITH_CREDENTIALS, OPTIONS_NOT_ROUTED)},
            {"static-files", EnumSet.of(OPTIONS_NOT_ROUTED, NO_CORS_ON_ERRORS, POLICY_ALLOWS_SERVER_REJECTS),
                EnumSet.of(ORIGIN_REFLECTED, LOOKALIKE_ALLOWED, MISSING_VARY)},
            {"preflight-gaps", EnumSet.of(PREFLIGHT_WITHOUT_CREDENTIALS, MAX_AGE_ABOVE_CAPS,
                POLICY_ALLOWS_SERVER_REJECTS), EnumSet.of(ORIGIN_REFLECTED, OPTIONS_NOT_ROUTED)},
            {"preflight-redirect", EnumSet.of(PREFLIGHT_REFUSED, POLICY_ALLOWS_SERVER_REJECTS),
                EnumSet.of(ORIGIN_REFLECTED, OPTIONS_NOT_ROUTED, NO_CORS_ON_ERRORS)},
        };
    }

    @Test(dataProvider = "misconfiguredNginx")
    public void aMisconfiguredNginxIsReported(String config, Set<FindingKind> expected, Set<FindingKind> absent)
            throws Exception {
        try (NginxServer nginx = new NginxServer(config)) {
            assertFindings(verify(nginx.url(), policy, oneBrowser), expected, absent);
        }
    }

    @Test
    public void aCorsLayerThatRefusesUnlistedMethodsWith403HasNoFindings() throws Exception {
        try (NginxServer nginx = new NginxServer("strict-methods")) {
            VerifyResult result = verify(nginx.url(), policy, oneBrowser);
            assertTrue(result.outcomes().stream().anyMatch(o -> o.direct().actual().status() == 403),
                    "no request was refused with 403");
            assertNoFindings(result);
        }
    }

    @Test
    public void anIpv6TargetIsVerified() throws Exception {
        try (NginxServer nginx = new NginxServer("correct", "::1")) {
            assertTrue(nginx.url().toString().startsWith("http://[::1]:"), nginx.url().toString());
            assertNoFindings(verify(nginx.url(), policy, oneBrowser));
        }
    }

    /**
     * WebKit names an IPv6 address as TLS server_name, which the proxy's TLS refuses: its https-page requests to an
     * IPv6 target are not run (never a NOT_SENT verdict, so never a finding the suite caused); its http-page ones are.
     */
    @Test
    public void webKitRunsWhatItCanReachOfAnIpv6Target() throws Exception {
        if (!Arrays.asList(allBrowsers.split(",")).contains("webkit") && !allBrowsers.equals("all")) {
            throw new org.testng.SkipException("webkit is not among " + allBrowsers);
        }
        try (NginxServer nginx = new NginxServer("correct", "::1")) {
            VerifyResult result = verify(nginx.url(), policy, "webkit");
            assertEquals(result.findings(), List.of(), "findings");
            assertEquals(result.exitCode(), TargetVerification.OK);
            long ran = result.outcomes().stream().filter(o -> o.browsers().containsKey("webkit")).count();
            long notRun = result.outcomes().stream().filter(o -> o.notInBrowsers() == null
                    && !o.browsers().containsKey("webkit") && !o.infrastructureErrors().containsKey("webkit")).count();
            assertTrue(ran > 0 && notRun > 0, "ran " + ran + ", not run " + notRun);
            assertEquals(result.results().counts("webkit").get(dev.corssuite.suite.results.Status.NOT_RUN),
                    (int) notRun, "each request WebKit cannot reach is reported as not run");
            result.outcomes().stream().filter(o -> o.browsers().containsKey("webkit")).forEach(o -> {
                assertTrue(o.request().from().servedAt().startsWith("http:"), o.request().describe());
                assertTrue(o.allAsIntended(), o.request().describe());
            });
        }
    }

    @Test
    public void aPolicyWithAnIpv6OriginIsVerified() throws Exception {
        Path ipv6 = java.nio.file.Files.createTempFile("policy", ".yaml");
        java.nio.file.Files.writeString(ipv6, java.nio.file.Files.readString(EXAMPLE_POLICY)
                .replace("  - https://app.example.com", "  - \"http://[::1]:3000\""));
        try (NginxServer nginx = new NginxServer("ipv6-origin")) {
            VerifyResult result = verify(nginx.url(), ipv6, oneBrowser);
            assertTrue(result.outcomes().stream().anyMatch(o -> o.request().from().origin()
                    .equals("http://[::1]:3000") && !o.browsers().isEmpty()), "no request from http://[::1]:3000");
            assertEquals(result.findings(), List.of());
            assertEquals(result.exitCode(), TargetVerification.OK);
            result.outcomes().forEach(o -> assertTrue(o.allAsIntended(), o.request().describe()));
        }
    }

    @DataProvider
    public Object[][] loadLimited() {
        return new Object[][] {{"few-connections"}, {"rate-limited"}, {"connection-limited"}};
    }

    @Test(dataProvider = "loadLimited")
    public void aTargetThatLimitsTheSuitesLoadHasNoFindings(String config) throws Exception {
        try (NginxServer nginx = new NginxServer(config)) {
            assertNoFindings(verify(nginx.url(), policy, oneBrowser));
        }
    }

    @Test
    public void aTargetThatStopsAfterTheStartCheckEndsTheRunWithOneMessage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        VerifyResult result;
        try (ExpressServer express = new ExpressServer("stops-after-first");
             PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            result = TargetVerification.execute(VerifyOptions.of(express.url().toString(), policy,
                    List.of(oneBrowser), RunSettings.projectRoot()), o, e);
        }
        String errors = err.toString(StandardCharsets.UTF_8);
        System.out.println(out.toString(StandardCharsets.UTF_8) + errors);
        assertEquals(result.exitCode(), TargetVerification.BAD_INPUT);
        assertEquals(result.findings(), List.of());
        assertEquals(errors.lines().count(), 1L, errors);
        assertTrue(errors.contains("stopped answering during the run: connection refused"), errors);
    }

    @Test
    public void aHangingEndpointCostsItsTimeoutPerRequestAndIsReported() throws Exception {
        long timeout = 5000;
        Path withHang = java.nio.file.Files.createTempFile("policy", ".yaml");
        String example = java.nio.file.Files.readString(EXAMPLE_POLICY);
        assertTrue(example.contains("timeoutMs: " + timeout), "the example policy's timeout changed");
        java.nio.file.Files.writeString(withHang, example.replace("  - path: /api/items",
                "  - path: /api/items\n  - path: /api/hang"));
        try (ExpressServer express = new ExpressServer("correct")) {
            long started = System.nanoTime();
            VerifyResult result = verify(express.url(), withHang, oneBrowser);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertEquals(result.kinds(), EnumSet.of(FindingKind.NO_ANSWER), result.findings().toString());
            List<RequestOutcome> hanging = result.outcomes().stream()
                    .filter(o -> o.request().path().equals("/api/hang")).toList();
            assertTrue(hanging.size() > 20, "requests to /api/hang: " + hanging.size());
            for (RequestOutcome o : hanging) {
                if (o.intendedAllowed()) {
                    assertTrue(!o.direct().actual().answered() && o.direct().actual().ms() < timeout + 1500,
                            o.request().describe() + ": " + o.direct().actual());
                    o.browsers().values().forEach(obs -> {
                        assertEquals(obs.verdict(), dev.corssuite.suite.facts.Verdict.TIMEOUT);
                        assertTrue(obs.page().ms() < timeout + 1500, "took " + obs.page().ms() + " ms");
                    });
                }
            }
            result.outcomes().stream().filter(o -> o.request().path().equals("/api/items"))
                    .forEach(o -> assertTrue(o.allAsIntended(), o.request().describe()));
            assertTrue(seconds < 90, "the whole run took " + seconds + " s");
        }
    }

    @DataProvider
    public Object[][] misconfiguredExpress() {
        return new Object[][] {
            {"reflect-any", EnumSet.of(ORIGIN_REFLECTED, NULL_ALLOWED, LOOKALIKE_ALLOWED,
                SERVER_ALLOWS_POLICY_REJECTS, EXPOSED_HEADER_UNREADABLE),
                EnumSet.of(MISSING_VARY, WILDCARD_WITH_CREDENTIALS)},
            {"sloppy-regex", EnumSet.of(LOOKALIKE_ALLOWED), EnumSet.of(ORIGIN_REFLECTED, NULL_ALLOWED)},
            {"wildcard-credentials", EnumSet.of(WILDCARD_WITH_CREDENTIALS, POLICY_ALLOWS_SERVER_REJECTS,
                SERVER_ALLOWS_POLICY_REJECTS), EnumSet.of(ORIGIN_REFLECTED)},
            {"auth-first", EnumSet.of(PREFLIGHT_REFUSED, POLICY_ALLOWS_SERVER_REJECTS),
                EnumSet.of(ORIGIN_REFLECTED, OPTIONS_NOT_ROUTED)},
        };
    }

    @Test(dataProvider = "misconfiguredExpress")
    public void aMisconfiguredExpressAppIsReported(String scenario, Set<FindingKind> expected,
                                                    Set<FindingKind> absent) throws Exception {
        try (ExpressServer express = new ExpressServer(scenario)) {
            assertFindings(verify(express.url(), policy, oneBrowser), expected, absent);
        }
    }
}
