package dev.corssuite.suite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.verify.ExpressServer;
import org.testng.annotations.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * {@code verify --fail-on, --baseline, --sarif} as users type them, against the Express app whose unanchored regular
 * expression lets look-alikes in (a high finding, nothing else): the exit status follows the gate.
 */
@Test(groups = "browser")
public class VerifyGatesTest {
    @Test
    public void theExitStatusFollowsFailOnAndTheBaseline() throws Exception {
        Path root = CliProcess.copyOfProject();
        String policy = root.resolve("fixtures/policies/example-policy.yaml").toString();
        String browser = EngineSelection.choose(Arrays.asList(System.getProperty("cors.browsers", "all")
                .split(","))).engines().get(0).name();
        Path sarif = root.resolve("cors.sarif");
        Path baseline = root.resolve("baseline.yaml");
        Files.writeString(baseline, """
                accepted:
                  - kind: lookalike-allowed
                    endpoint: /api/items
                    reason: the regular expression is fixed in the next release
                  - kind: max-age-above-caps
                    endpoint: /api/items
                    reason: no longer sent
                """);
        try (ExpressServer express = new ExpressServer("sloppy-regex")) {
            String[] common = {"verify", "--target", express.url().toString(), "--policy", policy, "--browsers",
                browser, "--no-report"};

            CliProcess.Outcome critical = CliProcess.run(root, concat(common, "--fail-on", "critical", "--sarif",
                    sarif.toString()));
            assertEquals(critical.exit(), 0, critical.output());
            assertTrue(critical.output().contains("[HIGH] lookalike-allowed"), critical.output());
            assertTrue(critical.output().contains("(below critical)"), critical.output());
            JsonNode results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
            assertEquals(results.size(), 1);
            assertEquals(results.at("/0/ruleId").asText(), "lookalike-allowed");
            assertEquals(results.at("/0/level").asText(), "error");

            CliProcess.Outcome high = CliProcess.run(root, concat(common, "--fail-on", "high"));
            assertEquals(high.exit(), 1, high.output());

            CliProcess.Outcome accepted = CliProcess.run(root, concat(common, "--baseline", baseline.toString()));
            assertEquals(accepted.exit(), 0, accepted.output());
            assertTrue(accepted.output().contains("accepted by the baseline"), accepted.output());
            assertTrue(accepted.output().contains("stale baseline entry (matches nothing now): max-age-above-caps"),
                    accepted.output());
        }
        Files.writeString(baseline, "accepted:\n  - kind: lookalike\n    endpoint: /api/items\n");
        CliProcess.Outcome bad = CliProcess.run(root, "verify", "--target", "http://127.0.0.1:9", "--policy", policy,
                "--baseline", baseline.toString(), "--fail-on", "high");
        assertEquals(bad.exit(), 2, bad.output());
        assertTrue(bad.output().contains("the baseline file"), bad.output());
        assertFalse(bad.output().contains("[" + browser + "]"), bad.output());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
