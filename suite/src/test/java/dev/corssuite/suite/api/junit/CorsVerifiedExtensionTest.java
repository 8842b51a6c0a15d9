package dev.corssuite.suite.api.junit;

import dev.corssuite.suite.api.CorsPort;
import dev.corssuite.suite.api.CorsVerified;
import dev.corssuite.suite.verify.ExpressServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The JUnit 5 form, run by surefire's JUnit Platform provider beside the TestNG suite: sample test classes using
 * {@code @CorsVerified} are launched against the Express app; the correct one passes, the reflecting one fails
 * with its findings as the message.
 */
@Tag("browser")
class CorsVerifiedExtensionTest {
    static final String POLICY = System.getProperty("cors.root", "..") + "/fixtures/policies/example-policy.yaml";
    static int port;

    @CorsVerified(policy = "../fixtures/policies/example-policy.yaml", browsers = "chromium")
    static class ASampleServerTest {
        @CorsPort
        int serverPort = port;

        @Test
        void answersItsApi() {
            assertTrue(serverPort > 0);
        }
    }

    private static TestExecutionSummary launch(Class<?> sample) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(sample)).build(), listener);
        return listener.getSummary();
    }

    @Test
    void aCorrectServerPasses() throws Exception {
        try (ExpressServer express = new ExpressServer("correct")) {
            port = express.url().getPort();
            TestExecutionSummary summary = launch(ASampleServerTest.class);
            assertEquals(1, summary.getTestsSucceededCount(), () -> summary.getFailures().toString());
        }
    }

    @Test
    void aReflectingServerFailsNamingItsFindings() throws Exception {
        try (ExpressServer express = new ExpressServer("reflect-any")) {
            port = express.url().getPort();
            TestExecutionSummary summary = launch(ASampleServerTest.class);
            assertEquals(1, summary.getTestsFailedCount());
            String message = summary.getFailures().get(0).getException().getMessage();
            System.out.println(message);
            assertTrue(message.contains("[CRITICAL] origin-reflected"), message);
            assertTrue(message.contains("GET /api/items with Origin: https://attacker.cors-suite.test"), message);
        }
    }
}
