package example.corsapp;

import dev.corssuite.suite.api.CorsVerified;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The correct configuration: after the test, the verification finds nothing new, in real browsers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("correct")
@CorsVerified(policy = "cors-policy.yaml", baseline = "cors-baseline.yaml")
class CorrectProfileTest {
    @LocalServerPort
    int port;

    @Test
    void corsIsAsThePolicyIntends() {
        assertTrue(port > 0);
    }
}
