package dev.corssuite.suite.verify;

import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.verify.findings.Severity;
import dev.corssuite.suite.verify.fixes.CorsConfigurations;
import dev.corssuite.suite.verify.fixes.FixSuggestions;
import dev.corssuite.suite.verify.fixes.WebSocketOriginChecks;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * A policy whose endpoint is used as a WebSocket ({@code as: websocket}), verified against the ws server (npm) in
 * every selected engine: the one checking Origin against the policy's origins opens for the allowed origin only and
 * gives no finding; the one that checks nothing opens for the stranger, {@code null} and every look-alike, which is
 * cross-site WebSocket hijacking with evidence per engine (critical: the policy has credentials). The fixes the
 * suite suggests, the ws {@code verifyClient} module and the nginx location in front of the open server, each leave no
 * finding in a re-run.
 */
@Test(groups = "browser")
public class WebSocketVerificationTest {
    private static final String ALLOWED = "https://app.example.com";

    private String browsers;
    private Path policy;

    @BeforeClass
    public void policy() throws IOException {
        browsers = System.getProperty("cors.browsers", "all");
        policy = Files.createTempFile("websocket-policy", ".yaml");
        Files.writeString(policy, """
                origins: [https://app.example.com]
                methods: [GET]
                credentials: true
                endpoints:
                  - {path: /live, as: websocket}
                """);
    }

    @Test
    public void aServerCheckingOriginOpensForTheAllowedOriginOnly() throws Exception {
        try (NodeWebSocketServer server = NodeWebSocketServer.checkingOrigin(ALLOWED)) {
            VerifyResult result = ServerVerificationTest.verify(server.url(), policy, browsers);
            assertEquals(result.findings(), List.of(), "findings");
            assertEquals(result.exitCode(), TargetVerification.OK);
            assertTrue(result.browsers().size() >= 1);
            for (String engine : result.browsers().keySet()) {
                List<RequestOutcome> ran = result.outcomes().stream().filter(o -> o.browsers().containsKey(engine))
                        .toList();
                assertTrue(ran.size() >= 8, engine + " ran " + ran.size() + " handshakes");
                for (RequestOutcome o : ran) {
                    Verdict v = o.browsers().get(engine).verdict();
                    assertEquals(v, o.request().from().hostile() ? Verdict.BLOCKED_AT_RESPONSE : Verdict.ALLOWED,
                            engine + ": " + o.request().describe());
                    assertEquals(o.browsers().get(engine).journal().get(0).headers().stream()
                            .filter(h -> h.name().equalsIgnoreCase("Origin")).map(h -> h.value()).toList(),
                            List.of(o.request().from().origin()), engine + ": the handshake's Origin");
                }
            }
        }
    }

    @Test
    public void aServerCheckingNothingIsHijackableFromEveryHostileOrigin() throws Exception {
        try (NodeWebSocketServer server = NodeWebSocketServer.anyOrigin()) {
            VerifyResult result = ServerVerificationTest.verify(server.url(), policy, browsers);
            assertEquals(result.exitCode(), TargetVerification.FINDINGS);
            assertEquals(result.kinds(), java.util.Set.of(FindingKind.WEBSOCKET_HIJACKING), result.findings().toString());
            Finding hijacking = result.findings().get(0);
            assertEquals(Severity.of(hijacking), Severity.CRITICAL);
            List<String> evidence = hijacking.evidence();
            for (String engine : result.browsers().keySet()) {
                for (String origin : List.of("https://attacker.cors-suite.test", "null", "https://evil-app.example.com",
                        "https://app.example.com.evil.test", "http://app.example.com")) {
                    assertTrue(evidence.stream().anyMatch(line -> line.startsWith("GET /live as websocket with Origin: "
                                    + origin + " ") && line.contains(engine + " (handshake with Origin: " + origin + ",")),
                            engine + ", " + origin + ": " + evidence);
                }
            }
            assertTrue(evidence.stream().noneMatch(line -> line.contains("Origin: " + ALLOWED + " ")), evidence.toString());
            assertTrue(evidence.stream().allMatch(line -> line.contains("handshake -> 101")), evidence.toString());
            String fixes = FixSuggestions.markdown(loaded(), result.findings());
            assertTrue(fixes.contains("**websocket-hijacking**") && fixes.contains("verifyClient"), fixes);
        }
    }

    @Test
    public void theSuggestedFixesLeaveNoFinding() throws Exception {
        Path dir = Files.createTempDirectory("websocket-fixes");
        Path module = dir.resolve("websocket-origins.js");
        WebSocketOriginChecks checks = new WebSocketOriginChecks(loaded());
        Files.writeString(module, checks.wsVerifyClient());
        try (NodeWebSocketServer server = NodeWebSocketServer.verifyingWith(module)) {
            VerifyResult result = ServerVerificationTest.verify(server.url(), policy, browsers);
            assertEquals(result.findings(), List.of(), "findings with the suggested verifyClient");
            assertEquals(result.exitCode(), TargetVerification.OK);
        }
        try (NodeWebSocketServer open = NodeWebSocketServer.anyOrigin()) {
            Path conf = dir.resolve("suggested.conf");
            Files.writeString(conf, new CorsConfigurations(loaded()).nginxMap() + "server {\n    listen {{listen}};\n"
                    + "    location /live {\n" + checks.nginxLocation().replace("http://your-websocket-backend",
                    open.url().toString()).indent(8) + "    }\n}\n");
            try (NginxServer nginx = new NginxServer(dir.resolve("suggested").toString())) {
                VerifyResult result = ServerVerificationTest.verify(nginx.url(), policy, browsers);
                assertEquals(result.findings(), List.of(), "findings with the suggested nginx location");
                assertEquals(result.exitCode(), TargetVerification.OK);
            }
        }
    }

    private dev.corssuite.suite.verify.policy.CorsPolicy loaded() {
        Path root = Path.of(System.getProperty("cors.root", ".."));
        return dev.corssuite.suite.verify.policy.PolicyLoader.load(policy, root.resolve("fixtures").resolve("schema")
                .resolve("cors-policy.schema.json"));
    }
}
