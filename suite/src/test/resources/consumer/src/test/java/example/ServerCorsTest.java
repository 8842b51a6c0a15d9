package example;

import dev.corssuite.suite.api.CorsVerification;
import dev.corssuite.suite.api.PolicyDocument;
import dev.corssuite.suite.api.ReportedFinding;
import dev.corssuite.suite.api.Verification;
import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.verify.findings.Severity;
import org.testng.annotations.Test;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** A user's test: the servers named by -Dgood.server and -Dbad.server, verified in -Dbrowser. */
public class ServerCorsTest {
    private static PolicyDocument policy() {
        return PolicyDocument.builder().origins("https://app.example.com").methods("GET", "POST", "PUT")
                .requestHeaders("Content-Type", "X-Api-Key").exposedHeaders("X-Total-Count").credentials(true)
                .maxAge(600).endpoint("/api/items");
    }

    @Test
    public void theCorrectServerPasses() {
        Verification v = CorsVerification.target(System.getProperty("good.server")).policy(policy())
                .browsers(System.getProperty("browser")).run();
        System.out.println(v.describe());
        assertTrue(v.passed(), v.describe());
    }

    @Test
    public void theReflectingServerFailsWithACriticalFinding() {
        Verification v = CorsVerification.target(System.getProperty("bad.server")).policy(policy())
                .browsers(System.getProperty("browser")).run();
        System.out.println(v.describe());
        assertFalse(v.passed());
        ReportedFinding reflected = v.findings().stream().filter(f -> f.kind() == FindingKind.ORIGIN_REFLECTED)
                .findFirst().orElseThrow(() -> new AssertionError(v.describe()));
        assertEquals(reflected.severity(), Severity.CRITICAL);
    }
}
