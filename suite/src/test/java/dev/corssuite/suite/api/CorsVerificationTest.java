package dev.corssuite.suite.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.results.writers.SarifValidator;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.verify.ExpressServer;
import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.verify.findings.Severity;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * The public API against the Express app in one browser: per request the intent and each engine's verdict, findings
 * with severity and evidence, the baseline, and SARIF that Microsoft's validator accepts.
 */
@Test(groups = "browser")
public class CorsVerificationTest {
    private String browser;

    /** The README's example policy, written in code. */
    static PolicyDocument examplePolicy() {
        return PolicyDocument.builder().origins("https://app.example.com").methods("GET", "POST", "PUT")
                .requestHeaders("Content-Type", "X-Api-Key").exposedHeaders("X-Total-Count").credentials(true)
                .maxAge(600).timeoutMs(5000).endpoint("/api/items");
    }

    @BeforeClass
    public void choose() {
        browser = EngineSelection.choose(Arrays.asList(System.getProperty("cors.browsers", "all").split(",")))
                .engines().get(0).name();
    }

    @Test
    public void aReflectedOriginWithCredentialsIsCriticalAndItsSarifValidates() throws Exception {
        Path work = Files.createTempDirectory("cors-api");
        Path sarif = work.resolve("cors.sarif");
        try (ExpressServer express = new ExpressServer("reflect-any")) {
            Verification v = CorsVerification.target(express.url()).policy(examplePolicy()).browsers(browser)
                    .workDir(work).output(quiet()).sarif(sarif).run();
            System.out.println(v.describe());
            assertFalse(v.passed(), v.describe());
            assertEquals(v.exitCode(), 1);
            assertTrue(v.requests().size() > 40, "requests: " + v.requests().size());
            RequestResult fromApp = v.requests().stream().filter(r -> r.description().startsWith(
                    "GET /api/items from https://app.example.com")).findFirst().orElseThrow();
            assertEquals(fromApp.intended(), Verdict.ALLOWED);
            assertEquals(fromApp.browsers().get(browser), Verdict.ALLOWED, fromApp.toString());
            RequestResult hostile = v.requests().stream().filter(r -> !r.asIntended()).findFirst().orElseThrow();
            assertEquals(hostile.browsers().get(browser), Verdict.ALLOWED, "the reflected origin is read");
            ReportedFinding reflected = v.findings().stream().filter(f -> f.kind() == FindingKind.ORIGIN_REFLECTED)
                    .findFirst().orElseThrow();
            assertEquals(reflected.severity(), Severity.CRITICAL);
            assertFalse(reflected.evidence().isEmpty());
            assertTrue(v.failing().contains(reflected));
            assertTrue(v.describe().contains("[CRITICAL] origin-reflected"), v.describe());
            assertTrue(Files.exists(work.resolve("reports/out/verify.md")), "the report is in the work folder");
            assertTrue(Files.exists(work.resolve("fixtures/pages/probe.js")), "the pages came from the class path");

            SarifValidator.Verdict valid = SarifValidator.validate(sarif);
            assertTrue(valid.valid(), valid.output());
            // The one warning left: a URL has no lines, so locations carry no 'region'.
            assertEquals(valid.output().lines().filter(l -> l.contains(": warning ") && !l.contains("SARIF2017"))
                    .toList(), java.util.List.of(), valid.output());
            JsonNode run = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0");
            assertEquals(run.at("/tool/driver/rules").size(), FindingKind.values().length);
            assertEquals(run.at("/results").size(), v.findings().size());
            JsonNode first = run.at("/results/0");
            assertEquals(first.at("/ruleId").asText(), v.findings().get(0).kind().id());
            assertEquals(first.at("/properties/evidence").size(), v.findings().get(0).evidence().size());
            assertTrue(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText()
                    .startsWith(express.url().toString()));
        }
    }

    @Test
    public void aBaselineAcceptsItsFindingsAndReportsStaleEntries() throws Exception {
        Path work = Files.createTempDirectory("cors-api");
        Path baseline = work.resolve("baseline.yaml");
        Files.writeString(baseline, """
                accepted:
                  - kind: lookalike-allowed
                    endpoint: /api/items
                    reason: the regular expression is fixed in the next release
                  - kind: null-allowed
                    endpoint: /api/items
                    reason: fixed long ago
                """);
        try (ExpressServer express = new ExpressServer("sloppy-regex")) {
            Verification v = CorsVerification.target(express.url()).policy(examplePolicy()).browsers(browser)
                    .workDir(work).output(quiet()).baseline(baseline).run();
            System.out.println(v.describe());
            assertEquals(v.kinds(), java.util.Set.of(FindingKind.LOOKALIKE_ALLOWED), v.describe());
            assertFalse(v.findings().get(0).isNew());
            assertTrue(v.passed(), v.describe());
            assertEquals(v.staleBaselineEntries().size(), 1);
            assertEquals(v.staleBaselineEntries().get(0).kind(), FindingKind.NULL_ALLOWED);
            assertTrue(v.describe().contains("stale baseline entry"), v.describe());
        }
    }

    @Test
    public void badInputIsOneExceptionListingEveryProblem() throws Exception {
        CorsVerificationException e = expectThrows(CorsVerificationException.class, () ->
                CorsVerification.target("ftp://example.com").policy(PolicyDocument.builder().origins("app.example.com")
                        .endpoint("/x")).browsers("chromium").workDir(Files.createTempDirectory("cors-api"))
                        .output(quiet()).run());
        assertTrue(e.getMessage().contains("--target ftp://example.com"), e.getMessage());
        assertTrue(e.getMessage().contains("methods"), e.getMessage());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
