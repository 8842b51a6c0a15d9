package example.corsapp;

import dev.corssuite.suite.api.CorsVerified;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Spring Security before CORS answers the preflight 401: must fail (run by MisconfiguredProfilesTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("security-first")
@CorsVerified(policy = "cors-policy.yaml")
class SecurityFirstProfileCheck {
    @LocalServerPort
    int port;

    @Test
    void corsIsAsThePolicyIntends() {
    }
}
