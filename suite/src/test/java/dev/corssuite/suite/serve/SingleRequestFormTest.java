package dev.corssuite.suite.serve;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.corssuite.suite.request.CorsSetting;
import dev.corssuite.suite.request.CredentialsMode;
import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import org.testng.annotations.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

public class SingleRequestFormTest {
    private static final Path SCHEMA = ServePageTest.ROOT.resolve("fixtures/schema/cors-policy.schema.json");

    private static SingleRequestForm form(String target, String method, String headers, String credentials,
                                          String initiator, String crossorigin) {
        return new SingleRequestForm(target, "https://app.example.com", method, headers, "", credentials, initiator,
                crossorigin, null);
    }

    @Test
    public void splitsTheUrlIntoTheTargetAndThePath() {
        SingleRequestForm f = form("http://localhost:8080/api/items?page=2", "GET", "", "", "", "");
        assertEquals(f.targetBase(), "http://localhost:8080");
        assertEquals(f.path(), "/api/items?page=2");
        assertEquals(form("http://localhost:8080", "GET", "", "", "", "").path(), "/");
        assertEquals(form("localhost:8080/x", "GET", "", "", "", "").targetBase(), "localhost:8080/x",
                "no scheme: the whole text goes to the target check, which says what is wrong");
    }

    @Test
    public void itsPolicyAllowsExactlyTheRequestAndLoads() throws Exception {
        SingleRequestForm f = form("http://localhost:8080/api/items", "PUT", "X-Api-Key: 1\nContent-Type: text/plain",
                "include", "fetch", "");
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        Path file = Files.createTempFile("request-policy", ".yaml");
        new YAMLMapper().writeValue(file.toFile(), f.policy());
        CorsPolicy policy = PolicyLoader.load(file, SCHEMA);
        assertEquals(policy.methods(), List.of("PUT"));
        assertEquals(policy.requestHeaders(), List.of("X-Api-Key", "Content-Type"));
        assertTrue(policy.credentials());
        assertEquals(policy.endpoints().get(0).path(), "/api/items");
        assertEquals(f.planned().spec().credentials(), CredentialsMode.INCLUDE);
        assertEquals(f.planned().from().origin(), "https://app.example.com");
    }

    @Test
    public void anElementTakesItsModesFromCrossorigin() throws Exception {
        SingleRequestForm f = form("http://localhost:8080/logo.png", "GET", "", "include", "img", "use-credentials");
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals(f.spec().api(), Initiator.IMG);
        assertEquals(f.spec().crossorigin(), CorsSetting.USE_CREDENTIALS);
        assertTrue(f.spec().credentialed());
        Path file = Files.createTempFile("request-policy", ".yaml");
        new YAMLMapper().writeValue(file.toFile(), f.policy());
        assertEquals(PolicyLoader.load(file, SCHEMA).endpoints().get(0).as(), Initiator.IMG);
    }

    @Test
    public void saysWhatTheFormCannotExpress() {
        List<String> problems = form("http://localhost:8080/a", "POST", "no colon here", "", "img", "").problems();
        assertTrue(problems.get(0).startsWith("headers, line 1: 'no colon here'"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("method: img sends a GET")), problems.toString());
        assertFalse(form("http://localhost:8080/a", "GET", "", "", "nonsense", "").problems().isEmpty());
    }
}
