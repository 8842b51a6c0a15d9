package dev.corssuite.suite.verify.fixes;

import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** The generated ws verifyClient module, run by node: it opens for the policy's origins (exact and patterns) only. */
public class WebSocketOriginChecksTest {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", ".."));

    private static CorsPolicy policy(String origins) throws IOException {
        Path file = Files.createTempFile("websocket-policy", ".yaml");
        Files.writeString(file, "origins: " + origins + "\nmethods: [GET]\nendpoints:\n"
                + "  - {path: /live, as: websocket}\n  - {path: /feed, as: websocket}\n  - {path: /api}\n");
        try {
            return PolicyLoader.load(file, ROOT.resolve("fixtures/schema/cors-policy.schema.json"));
        } finally {
            Files.delete(file);
        }
    }

    /** What the module decides for each origin, as "origin=true|false" lines. */
    private static List<String> decisions(String module, List<String> origins) throws Exception {
        Path dir = Files.createTempDirectory("websocket-origins");
        Path file = dir.resolve("websocket-origins.js");
        Files.writeString(file, module);
        StringBuilder script = new StringBuilder("const check = require(" + jsString(file.toString()) + ");\n");
        for (String origin : origins) {
            script.append("check({origin: ").append(jsString(origin)).append("}, (ok, code) => console.log(")
                    .append(jsString(origin + "=")).append(" + ok + (ok ? '' : ' ' + code)));\n");
        }
        Process node = new ProcessBuilder("node", "-e", script.toString()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(20, TimeUnit.SECONDS) && node.exitValue() == 0, out);
        return out.lines().toList();
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    public void theVerifyClientModuleOpensForThePolicysOriginsOnly() throws Exception {
        WebSocketOriginChecks checks = new WebSocketOriginChecks(policy("[https://app.example.com, "
                + "\"https://*.example.org\"]"));
        assertEquals(checks.paths(), List.of("/live", "/feed"));
        assertEquals(decisions(checks.wsVerifyClient(), List.of("https://app.example.com", "https://a.b.example.org",
                "https://example.org", "https://evil-app.example.com", "https://app.example.com.evil.test",
                "https://a.exampleXorg", "null")), List.of("https://app.example.com=true",
                "https://a.b.example.org=true", "https://example.org=false 403", "https://evil-app.example.com=false 403",
                "https://app.example.com.evil.test=false 403", "https://a.exampleXorg=false 403", "null=false 403"));
        String spring = checks.spring();
        assertTrue(spring.contains("registry.addHandler(handler, \"/live\")") && spring.contains("\"/feed\"")
                && spring.contains(".setAllowedOrigins(\"https://app.example.com\")")
                && spring.contains(".setAllowedOriginPatterns(\"https://*.example.org\")"), spring);
    }

    @Test
    public void aPolicyForAnyOriginOpensForEveryOne() throws Exception {
        WebSocketOriginChecks checks = new WebSocketOriginChecks(policy("[\"*\"]"));
        assertEquals(decisions(checks.wsVerifyClient(), List.of("https://anyone.example", "null")),
                List.of("https://anyone.example=true", "null=true"));
    }
}
