package dev.corssuite.suite.verify;

import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.verdict.Observation;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import static dev.corssuite.suite.verify.findings.FindingKind.POLICY_ALLOWS_SERVER_REJECTS;
import static dev.corssuite.suite.verify.findings.FindingKind.PREFLIGHT_REFUSED;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * A server behind HTTP Basic authentication on every location (nginx {@code auth_basic}), verified in every selected
 * browser: credentialed cross-origin requests answered 401 + WWW-Authenticate make some browsers prompt (Firefox
 * stops the page until the prompt is answered). The run never waits on a prompt: it ends with a report, each
 * browser's verdict is what Fetch gives for the answers the server sent once the prompt is declined, and nothing
 * prints a stack trace.
 */
@Test(groups = "browser")
public class AuthChallengeVerificationTest {

    @Test
    public void aServerBehindBasicAuthIsVerifiedInEveryBrowserWithoutWaitingOnAPrompt() throws Exception {
        String browsers = System.getProperty("cors.browsers", "all");
        try (NginxServer nginx = new NginxServer("basic-auth")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            VerifyResult result;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                result = TargetVerification.execute(VerifyOptions.of(nginx.url().toString(),
                        ServerVerificationTest.EXAMPLE_POLICY, RunSettings.split(browsers), RunSettings.projectRoot()),
                        o, e);
            }
            String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            System.out.println(printed);

            assertEquals(result.exitCode(), TargetVerification.FINDINGS, printed);
            assertFalse(printed.contains("Exception") || printed.contains("\tat "), "a stack trace was printed");
            Path dir = Files.createTempDirectory("verify-report");
            result.report().write(dir);
            Path report = dir.resolve("verify.md");
            assertTrue(Files.readString(report).contains(nginx.url().toString()), "the report names the target");
            assertTrue(result.kinds().containsAll(EnumSet.of(PREFLIGHT_REFUSED, POLICY_ALLOWS_SERVER_REJECTS)),
                    result.kinds().toString());

            int challengedAndRead = 0;
            for (String engine : result.browsers().keySet()) {
                assertFalse(result.browsers().get(engine).startsWith("did not start"), engine + " did not start");
                long ran = result.outcomes().stream().filter(o -> o.browsers().containsKey(engine)).count();
                assertTrue(ran > 40, engine + " ran " + ran + " requests");
            }
            for (RequestOutcome outcome : result.outcomes()) {
                for (Map.Entry<String, Observation> seen : outcome.browsers().entrySet()) {
                    Observation o = seen.getValue();
                    String what = seen.getKey() + ": " + outcome.request().describe() + " (" + outcome.answersSummary()
                            + ")";
                    assertTrue(o.verdict() != Verdict.TIMEOUT, what + " timed out");
                    assertEquals(o.verdict(), outcome.fromAnswers().verdict(), what);
                    if (o.verdict() == Verdict.ALLOWED) {
                        assertEquals(o.facts().status(), Integer.valueOf(401), what);
                        if (outcome.request().credentialed()) {
                            challengedAndRead++;
                        }
                    }
                }
            }
            // The requests a prompting browser stops on were made, and the page read their 401.
            assertTrue(challengedAndRead > 0, "no credentialed request read its 401");
        }
    }
}
