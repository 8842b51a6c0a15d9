package dev.corssuite.suite.verify.policy;

import dev.corssuite.suite.documents.InvalidInputException;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

public class PolicyLoaderTest {
    static final Path SCHEMA = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures").resolve("schema")
            .resolve("cors-policy.schema.json");

    static CorsPolicy load(String yaml) throws IOException {
        Path file = Files.createTempFile("policy", ".yaml");
        Files.writeString(file, yaml);
        return PolicyLoader.load(file, SCHEMA);
    }

    private static List<String> problems(String yaml) throws IOException {
        InvalidInputException e = expectThrows(InvalidInputException.class, () -> load(yaml));
        return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    private static void assertHas(List<String> problems, String field, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(field + ": ") && p.contains(fragment)),
                "no problem at " + field + " containing '" + fragment + "' in " + problems);
    }

    @Test
    public void aFullPolicyLoads() throws IOException {
        CorsPolicy policy = load("""
                origins: [https://app.example.com, "https://*.example.org", "http://localhost:3000"]
                methods: [GET, POST, PUT]
                requestHeaders: [Content-Type, X-Api-Key]
                exposedHeaders: [X-Total-Count]
                credentials: true
                maxAge: 600
                endpoints:
                  - path: /api/items
                  - path: /api/items/1
                    methods: [GET, PUT]
                """);
        assertEquals(policy.origins().size(), 3);
        assertTrue(policy.allows("https://app.example.com"));
        assertTrue(policy.allows("https://a.b.example.org"));
        assertFalse(policy.allows("https://example.org"));
        assertFalse(policy.allows("http://a.example.org"));
        assertFalse(policy.allows("https://a.example.org:8443"));
        assertTrue(policy.allows("http://localhost:3000"));
        assertFalse(policy.allows("https://app.example.com.evil.test"));
        assertEquals(policy.endpoints().get(0).methods(), List.of("GET", "POST", "PUT"));
        assertEquals(policy.endpoints().get(1).methods(), List.of("GET", "PUT"));
        assertEquals(policy.maxAge(), Optional.of(600));
        assertEquals(policy.timeoutMs(), CorsPolicy.DEFAULT_TIMEOUT_MS);
        assertTrue(policy.credentials());
    }

    @Test
    public void everyProblemIsReportedAtOnceWithValueAndReason() throws IOException {
        List<String> problems = problems("""
                origins:
                  - "*"
                  - https://app.example.com/
                  - https://App.example.com
                  - https://app.example.com:443
                  - app.example.com
                  - ftp://files.example.com
                  - "https://*.com"
                  - "https://api.*.example.com"
                  - "null"
                  - https://app.example.com/api
                methods: [GET, TRACE, put, PATCH, GET]
                requestHeaders: [X-Ok, Cookie, "bad header", Sec-Fetch-Mode]
                exposedHeaders: ["*", Set-Cookie]
                credentials: true
                endpoints:
                  - path: api/items
                  - path: /x
                    methods: [DELETE]
                """);
        assertHas(problems, "origins[0]", "'*' with credentials");
        assertHas(problems, "origins[1]", "a trailing slash");
        assertHas(problems, "origins[2]", "lower case: https://app.example.com");
        assertHas(problems, "origins[3]", "default port 443");
        assertHas(problems, "origins[4]", "is not an origin");
        assertHas(problems, "origins[5]", "scheme 'ftp'");
        assertHas(problems, "origins[6]", "too broad");
        assertHas(problems, "origins[7]", "whole first label");
        assertHas(problems, "origins[8]", "sandboxed frame");
        assertHas(problems, "origins[9]", "a path ('/api')");
        assertHas(problems, "methods[1]", "forbidden method");
        assertHas(problems, "methods[2]", "upper case (PUT)");
        assertHas(problems, "methods[4]", "listed twice");
        assertHas(problems, "requestHeaders[1]", "forbidden request-header");
        assertHas(problems, "requestHeaders[2]", "not a header name");
        assertHas(problems, "requestHeaders[3]", "forbidden request-header");
        assertHas(problems, "exposedHeaders[0]", "'*' with credentials");
        assertHas(problems, "exposedHeaders[1]", "never readable");
        assertHas(problems, "endpoints[0].path", "does not start with '/'");
        assertHas(problems, "endpoints[1].methods", "'DELETE' is not in the policy's methods");
        assertEquals(problems.size(), 20, String.join("\n", problems));
    }

    @Test
    public void unknownKeysAndWrongTypesComeFromTheSchema() throws IOException {
        List<String> problems = problems("""
                origins: [https://app.example.com]
                methods: [GET]
                credential: true
                maxAge: -5
                endpoints: [{path: /a, verbs: [GET]}]
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains("credential")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("maxAge")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("verbs")), problems.toString());
    }

    @Test
    public void missingRequiredKeysAreNamed() throws IOException {
        List<String> problems = problems("methods: [GET]\n");
        assertHas(problems, "origins", "");
        assertHas(problems, "endpoints", "");
    }

    @Test
    public void aMissingOrUnreadableFileIsOneProblem() throws IOException {
        InvalidInputException missing = expectThrows(InvalidInputException.class,
                () -> PolicyLoader.load(Path.of("/nonexistent/policy.yaml"), SCHEMA));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        List<String> broken = problems("origins: [unclosed\n");
        assertEquals(broken.size(), 1);
        assertTrue(broken.get(0).contains("not readable as YAML"), broken.toString());
    }

    @Test
    public void anyOriginWithoutCredentialsIsAllowed() throws IOException {
        CorsPolicy policy = load("origins: ['*']\nmethods: [GET]\nexposedHeaders: ['*']\nendpoints: [{path: /}]\n");
        assertTrue(policy.anyOrigin());
        assertTrue(policy.allows("https://whoever.test"));
        assertTrue(policy.exposes("X-Anything"));
    }
}
