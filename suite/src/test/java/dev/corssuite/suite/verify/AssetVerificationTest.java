package dev.corssuite.suite.verify;

import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.FindingKind;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * A policy whose endpoints are used as an image, a font, a script, a stylesheet and an event stream ({@code as:}),
 * verified against nginx serving those files from a static location with and without CORS headers, in every selected
 * engine: with them nothing is reported (but WebKit loading fonts without CORS, its known deviation); without them
 * each asset is unusable from the allowed origin, with evidence per engine. (An element never shows response headers
 * to script, so an exposed header is not expected readable there.)
 */
@Test(groups = "browser")
public class AssetVerificationTest {
    private static final Path BODIES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures")
            .resolve("bodies");
    private static final List<String> ASSETS = List.of("pixel.png as img", "probe.woff as font", "probe.js as script",
            "probe.css as stylesheet", "events.sse as eventsource");

    private String browsers;
    private Path policy;

    @BeforeClass
    public void policy() throws IOException {
        browsers = System.getProperty("cors.browsers", "all");
        policy = Files.createTempFile("assets-policy", ".yaml");
        Files.writeString(policy, """
                origins: [https://app.example.com]
                methods: [GET]
                credentials: true
                exposedHeaders: [X-Total-Count]
                endpoints:
                  - {path: /assets/pixel.png, as: image}
                  - {path: /assets/probe.woff, as: font}
                  - {path: /assets/probe.js, as: script}
                  - {path: /assets/probe.css, as: stylesheet}
                  - {path: /assets/events.sse, as: eventsource}
                """);
    }

    private static NginxServer serving(String config) throws IOException, InterruptedException {
        NginxServer nginx = new NginxServer(config);
        Path assets = Files.createDirectories(nginx.root().resolve("assets"));
        Files.copy(BODIES.resolve("pixel.png"), assets.resolve("pixel.png"));
        Files.copy(BODIES.resolve("probe.woff"), assets.resolve("probe.woff"));
        Files.writeString(assets.resolve("probe.js"), "window.corsSuiteAsset = true;\n");
        Files.writeString(assets.resolve("probe.css"), ".probe { color: red }\n");
        Files.writeString(assets.resolve("events.sse"), "data: hello\n\n");
        return nginx;
    }

    @Test
    public void assetsWithCorsHeadersAreUsableFromTheAllowedOriginOnly() throws Exception {
        try (NginxServer nginx = serving("assets-cors")) {
            VerifyResult result = ServerVerificationTest.verify(nginx.url(), policy, browsers);
            assertTrue(result.browsers().size() >= 1);
            assertEquals(result.findings(), List.of(), "WebKit loading fonts without a CORS check is its known "
                    + "deviation (fixtures/engines/known-deviations.yaml), not a finding");
            if (result.browsers().containsKey("webkit")) {
                List<RequestOutcome> loadedAgainstPolicy = result.outcomes().stream()
                        .filter(o -> o.request().spec().api().fileName().startsWith("font") && !o.intendedAllowed()
                                && o.browsers().containsKey("webkit")
                                && o.browsers().get("webkit").verdict() == dev.corssuite.suite.facts.Verdict.ALLOWED)
                        .toList();
                assertFalse(loadedAgainstPolicy.isEmpty(), "WebKit loaded no font against the policy");
                loadedAgainstPolicy.forEach(o -> assertTrue(o.knownDeviation("webkit").isPresent(),
                        o.request().describe()));
                assertEquals(result.results().count(dev.corssuite.suite.results.Status.KNOWN_DEVIATION),
                        loadedAgainstPolicy.size());
            }
            result.outcomes().stream().filter(o -> o.request().from().origin().equals("https://app.example.com"))
                    .forEach(o -> o.browsers().forEach((engine, observed) -> assertEquals(observed.verdict(),
                            dev.corssuite.suite.facts.Verdict.ALLOWED, engine + ": " + o.request().describe())));
        }
    }

    @Test
    public void assetsWithoutCorsHeadersAreUnusableFromTheAllowedOrigin() throws Exception {
        try (NginxServer nginx = serving("assets-plain")) {
            VerifyResult result = ServerVerificationTest.verify(nginx.url(), policy, browsers);
            for (String engine : result.browsers().keySet()) {
                for (String asset : ASSETS) {
                    if (engine.equals("webkit") && asset.endsWith("font")) {
                        continue;
                    }
                    String[] parts = asset.split(" as ");
                    FindingKind kind = switch (parts[1]) {
                        case "img" -> FindingKind.CANVAS_TAINTED;
                        case "script" -> FindingKind.SCRIPT_ERRORS_HIDDEN;
                        default -> FindingKind.ASSET_UNUSABLE;
                    };
                    List<String> evidence = result.findings().stream().filter(f -> f.kind() == kind)
                            .flatMap(f -> f.evidence().stream()).toList();
                    assertTrue(evidence.stream().anyMatch(line -> line.contains("/assets/" + parts[0] + " as "
                                    + parts[1]) && line.contains("https://app.example.com") && line.contains(engine)
                                    && line.contains("no Access-Control-Allow-Origin")),
                            asset + " in " + engine + " as " + kind + ": " + result.findings());
                }
                assertTrue(result.findings().stream()
                        .filter(f -> f.kind() == FindingKind.EVENTSOURCE_CREDENTIALS_REFUSED)
                        .flatMap(f -> f.evidence().stream())
                        .anyMatch(line -> line.contains("/assets/events.sse") && line.contains("(credentialed)")
                                && line.contains(engine)), "EventSource withCredentials in " + engine + ": "
                        + result.findings());
            }
            assertTrue(result.findings().stream().noneMatch(f -> f.kind() == FindingKind.POLICY_ALLOWS_SERVER_REJECTS),
                    "every blocked asset says what the page loses: " + result.findings());
            assertEquals(result.exitCode(), TargetVerification.FINDINGS);
        }
    }
}
