package example.corsapp;

import dev.corssuite.suite.api.CorsVerified;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** allowedOriginPatterns("*") with credentials: must fail (run by MisconfiguredProfilesTest, not by surefire). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("any-origin-credentials")
@CorsVerified(policy = "cors-policy.yaml")
class AnyOriginCredentialsProfileCheck {
    @LocalServerPort
    int port;

    @Test
    void corsIsAsThePolicyIntends() {
    }
}
