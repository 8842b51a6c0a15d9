package example.corsapp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Each misconfigured profile's own test (a *Check class, as a user would write it) must fail, and its failure
 * message must name the findings: launched here through the JUnit Platform and its failure read back.
 */
class MisconfiguredProfilesTest {

    @ParameterizedTest
    @CsvSource({
        "example.corsapp.AnyOriginCredentialsProfileCheck, [CRITICAL] origin-reflected, [HIGH] null-allowed",
        "example.corsapp.SecurityFirstProfileCheck, [MEDIUM] preflight-refused, policy-allows-server-rejects",
    })
    void theProfilesTestFailsNamingItsFindings(String checkClass, String finding, String another) throws Exception {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectClass(Class.forName(checkClass))).build(),
                listener);
        TestExecutionSummary summary = listener.getSummary();
        List<TestExecutionSummary.Failure> failures = summary.getFailures();
        assertEquals(1, failures.size(), checkClass + " should fail once; succeeded: "
                + summary.getTestsSucceededCount());
        String message = failures.get(0).getException().getMessage();
        System.out.println(checkClass + " failed with:\n" + message);
        assertTrue(message.contains(finding), message);
        assertTrue(message.contains(another), message);
    }
}
