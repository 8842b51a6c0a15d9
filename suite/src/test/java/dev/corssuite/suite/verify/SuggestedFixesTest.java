package dev.corssuite.suite.verify;

import dev.corssuite.suite.api.CorsVerification;
import dev.corssuite.suite.api.Verification;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.verify.fixes.CorsConfigurations;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Fix suggestions proven by a re-run: each misconfigured server has its findings, the suite writes fixes.md, and the
 * configuration the suite generates from the policy (nginx map + location, Express cors options), put in place of
 * the server's CORS configuration, leaves none of those findings.
 */
@Test(groups = "browser")
public class SuggestedFixesTest {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", "..")).toAbsolutePath();
    private String browser;
    private CorsPolicy policy;
    private final Map<String, Set<FindingKind>> afterFix = new HashMap<>();

    @BeforeClass
    public void choose() {
        browser = EngineSelection.choose(Arrays.asList(System.getProperty("cors.browsers", "all").split(",")))
                .engines().get(0).name();
        policy = PolicyLoader.load(ServerVerificationTest.EXAMPLE_POLICY,
                ROOT.resolve("fixtures/schema/cors-policy.schema.json"));
    }

    private Verification verify(String target) throws Exception {
        return CorsVerification.target(target).policy(ServerVerificationTest.EXAMPLE_POLICY).browsers(browser)
                .workDir(Files.createTempDirectory("cors-fix"))
                .output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
    }

    /** The suggested nginx configuration around the same endpoint content as the tests' configurations. */
    private Set<FindingKind> fixedNginx() throws Exception {
        CorsConfigurations config = new CorsConfigurations(policy);
        Path dir = Files.createTempDirectory("cors-fixed-nginx");
        Path conf = dir.resolve("suggested.conf");
        Files.writeString(conf, config.nginxMap() + "server {\n    listen {{listen}};\n    location /api/ {\n"
                + config.nginxLocation().indent(8) + "        add_header X-Total-Count 3 always;\n"
                + "        return 200 '{\"items\":[]}';\n    }\n}\n");
        try (NginxServer nginx = new NginxServer(dir.resolve("suggested").toString())) {
            Verification v = verify(nginx.url().toString());
            return v.kinds();
        }
    }

    private Set<FindingKind> fixedExpress() throws Exception {
        Path options = Files.createTempDirectory("cors-fixed-express").resolve("cors-options.js");
        Files.writeString(options, new CorsConfigurations(policy).expressOptions());
        try (ExpressServer express = new ExpressServer("options-file=" + options)) {
            return verify(express.url().toString()).kinds();
        }
    }

    @DataProvider
    public Object[][] misconfigured() {
        return new Object[][] {
            {"nginx", "reflect-origin"}, {"nginx", "static-files"}, {"nginx", "preflight-gaps"},
            {"nginx", "preflight-redirect"},
            {"express", "reflect-any"}, {"express", "sloppy-regex"}, {"express", "wildcard-credentials"},
            {"express", "auth-first"},
        };
    }

    @Test(dataProvider = "misconfigured")
    public void theSuggestedConfigurationRemovesTheFindings(String server, String scenario) throws Exception {
        Verification broken;
        if (server.equals("nginx")) {
            try (NginxServer nginx = new NginxServer(scenario)) {
                broken = verify(nginx.url().toString());
            }
        } else {
            try (ExpressServer express = new ExpressServer(scenario)) {
                broken = verify(express.url().toString());
            }
        }
        assertFalse(broken.findings().isEmpty(), scenario);
        String fixes = Files.readString(broken.fixes());
        for (FindingKind kind : broken.kinds()) {
            assertTrue(fixes.contains("**" + kind.id() + "**"), kind + " has no advice in " + broken.fixes());
        }
        if (!afterFix.containsKey(server)) {
            afterFix.put(server, server.equals("nginx") ? fixedNginx() : fixedExpress());
        }
        Set<FindingKind> remaining = afterFix.get(server);
        for (FindingKind kind : broken.kinds()) {
            assertFalse(remaining.contains(kind), kind + " is still found with the suggested " + server
                    + " configuration");
        }
        assertEquals(remaining, Set.of(), "the suggested " + server + " configuration has findings");
    }
}
