package dev.corssuite.suite.api.testng;

import dev.corssuite.suite.api.CorsPort;
import dev.corssuite.suite.api.CorsVerified;
import dev.corssuite.suite.verify.ExpressServer;
import org.testng.ITestResult;
import org.testng.SkipException;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;
import org.testng.annotations.Listeners;
import org.testng.annotations.Test;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** The TestNG form: a sample test class with the listener, run by TestNG itself against the Express app. */
@Test(groups = "browser")
public class CorsVerificationListenerTest {
    static int port;

    /** A user's test class; group "sample": only the tests above run it, with a server started. */
    @Listeners(CorsVerificationListener.class)
    public static class SampleServerTest {
        @CorsPort
        int serverPort = port;

        @Test(groups = "sample")
        @CorsVerified(policy = "../fixtures/policies/example-policy.yaml", browsers = "chromium")
        public void answersItsApi() {
            if (serverPort == 0) {
                throw new SkipException("a sample: CorsVerificationListenerTest runs it with a server");
            }
        }
    }

    private static TestListenerAdapter run() {
        TestNG testng = new TestNG(false);
        testng.setTestClasses(new Class<?>[] {SampleServerTest.class});
        testng.setUseDefaultListeners(false);
        TestListenerAdapter results = new TestListenerAdapter();
        testng.addListener(results);
        testng.run();
        return results;
    }

    @Test
    public void aCorrectServerPasses() throws Exception {
        try (ExpressServer express = new ExpressServer("correct")) {
            port = express.url().getPort();
            TestListenerAdapter results = run();
            assertEquals(results.getPassedTests().size(), 1, String.valueOf(results.getFailedTests().stream()
                    .map(ITestResult::getThrowable).toList()));
        }
    }

    @Test
    public void aReflectingServerFailsNamingItsFindings() throws Exception {
        try (ExpressServer express = new ExpressServer("reflect-any")) {
            port = express.url().getPort();
            TestListenerAdapter results = run();
            assertEquals(results.getFailedTests().size(), 1);
            String message = results.getFailedTests().get(0).getThrowable().getMessage();
            assertTrue(message.contains("[CRITICAL] origin-reflected"), message);
        }
    }
}
