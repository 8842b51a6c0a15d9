package dev.corssuite.suite.verify;

import dev.corssuite.origins.CannedAnswer;
import dev.corssuite.origins.EndpointBehaviour;
import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.results.writers.AllureResults;
import org.testng.annotations.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The suite's own embedded origins driven through {@code --target/--policy}: an endpoint of the fleet answers as
 * the policy says (fixed answers, so hostile origins get the allowed origin's name back and are blocked), and a
 * second one answers with the wildcard-and-credentials mistake.
 */
@Test(groups = "browser")
public class SelfCheckTest {
    private static final Path PAGES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures")
            .resolve("pages");

    private static List<HeaderLine> lines(String... nameValue) {
        List<HeaderLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            lines.add(new HeaderLine(nameValue[i], nameValue[i + 1]));
        }
        return lines;
    }

    private static Path policy(String token) throws Exception {
        Path file = Files.createTempFile("self-check", ".yaml");
        String example = Files.readString(ServerVerificationTest.EXAMPLE_POLICY);
        Files.writeString(file, example.replace("path: /api/items", "path: /cors/" + token));
        return file;
    }

    @Test
    public void theEmbeddedOriginsAnsweringAsThePolicySaysBehaveAsIntendedInEveryBrowser() throws Exception {
        String browsers = System.getProperty("cors.browsers", "all");
        try (OriginFleet fleet = OriginFleet.builder().pages(PAGES).start()) {
            String token = fleet.answers().register("policy", new EndpointBehaviour(
                    new CannedAnswer(204, lines("Access-Control-Allow-Origin", "https://app.example.com",
                            "Access-Control-Allow-Credentials", "true",
                            "Access-Control-Allow-Methods", "GET, POST, PUT",
                            "Access-Control-Allow-Headers", "Content-Type, X-Api-Key",
                            "Access-Control-Max-Age", "600", "Vary", "Origin"), "", 0),
                    new CannedAnswer(200, lines("Access-Control-Allow-Origin", "https://app.example.com",
                            "Access-Control-Allow-Credentials", "true",
                            "Access-Control-Expose-Headers", "X-Total-Count", "X-Total-Count", "3",
                            "Vary", "Origin"), "{}", 0)));
            VerifyResult result = ServerVerificationTest.verify(URI.create(fleet.origin(OriginRole.CROSS_PORT)),
                    policy(token), browsers);
            // The fleet answers an unknown token with a bare 404: the one true finding about it.
            ServerVerificationTest.assertAllAsIntended(result);
            assertEquals(result.kinds(), EnumSet.of(FindingKind.NO_CORS_ON_ERRORS), result.findings().toString());
            assertTrue(result.findings().get(0).evidence().stream().allMatch(e -> e.contains("/cors-suite-missing")
                    && e.contains("404")), result.findings().toString());
        }
    }

    @Test
    public void theEmbeddedOriginsWithWildcardAndCredentialsAreReported() throws Exception {
        String browser = EngineSelection.choose(Arrays.asList(System.getProperty("cors.browsers", "all")
                .split(","))).engines().get(0).name();
        try (OriginFleet fleet = OriginFleet.builder().pages(PAGES).start()) {
            List<HeaderLine> wildcard = lines("Access-Control-Allow-Origin", "*",
                    "Access-Control-Allow-Credentials", "true", "Access-Control-Allow-Methods", "GET, POST, PUT",
                    "Access-Control-Allow-Headers", "Content-Type, X-Api-Key");
            String token = fleet.answers().register("wildcard", new EndpointBehaviour(
                    new CannedAnswer(204, wildcard, "", 0), new CannedAnswer(200, wildcard, "{}", 0)));
            VerifyResult result = ServerVerificationTest.verify(URI.create(fleet.origin(OriginRole.CROSS_PORT)),
                    policy(token), browser);
            ServerVerificationTest.assertFindings(result, EnumSet.of(FindingKind.WILDCARD_WITH_CREDENTIALS,
                    FindingKind.POLICY_ALLOWS_SERVER_REJECTS, FindingKind.SERVER_ALLOWS_POLICY_REJECTS),
                    EnumSet.of(FindingKind.ORIGIN_REFLECTED, FindingKind.NULL_ALLOWED));
            assertReportCategorizes(result, URI.create(fleet.origin(OriginRole.CROSS_PORT)));
        }
    }

    /** In the Allure results every failure lands in the report's "Server violates the declared policy" category. */
    private static void assertReportCategorizes(VerifyResult result, URI target) throws Exception {
        Path results = Files.createTempDirectory("verify-results");
        new AllureResults(results).write(result.results());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.regex.Pattern category = java.util.regex.Pattern.compile(mapper.readTree(
                SelfCheckTest.class.getResourceAsStream("/allure-categories.json")).get(1).get("messageRegex").asText());
        int failed = 0;
        int passed = 0;
        try (var files = Files.list(results)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                var json = mapper.readTree(file.toFile());
                if (json.get("status").asText().equals("failed")) {
                    failed++;
                    String message = json.get("statusDetails").get("message").asText();
                    assertTrue(category.matcher(message).matches(), message);
                } else {
                    passed++;
                }
            }
        }
        long asIntended = result.outcomes().stream().flatMap(o -> o.browsers().keySet().stream()
                .map(o::asIntended)).filter(r -> r.orElse(true)).count();
        assertEquals(passed, asIntended);
        assertEquals(failed, result.outcomes().stream().mapToLong(o -> o.browsers().size()).sum() - asIntended
                + result.findings().size());
        assertTrue(Files.readString(results.resolve("categories.json")).contains("Server violates the declared policy"));
    }
}
