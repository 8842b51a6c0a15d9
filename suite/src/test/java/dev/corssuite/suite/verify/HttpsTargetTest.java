package dev.corssuite.suite.verify;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.verify.direct.TargetCheck;
import dev.corssuite.suite.verify.proxy.LocalCertificate;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.testng.Assert.assertTrue;

/**
 * An https target with a certificate nobody trusts (the JDK's own HttpsServer): the check notes the certificate
 * once and goes on, the proxy re-encrypts towards it, and a server answering as the policy says has no findings.
 */
@Test(groups = "browser")
public class HttpsTargetTest {
    private HttpsServer server;
    private URI target;

    @BeforeClass
    public void start() throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(LocalCertificate.forHosts(List.of("localhost"))
                .serverContext()));
        server.createContext("/api/items", exchange -> {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            var headers = exchange.getResponseHeaders();
            headers.add("Vary", "Origin");
            if ("https://app.example.com".equals(origin)) {
                headers.add("Access-Control-Allow-Origin", origin);
                headers.add("Access-Control-Allow-Credentials", "true");
            }
            boolean preflight = exchange.getRequestMethod().equals("OPTIONS")
                    && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method");
            if (preflight) {
                headers.add("Access-Control-Allow-Methods", "GET, POST, PUT");
                headers.add("Access-Control-Allow-Headers", "Content-Type, X-Api-Key");
                headers.add("Access-Control-Max-Age", "600");
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.getRequestBody().readAllBytes();
                headers.add("Access-Control-Expose-Headers", "X-Total-Count");
                headers.add("X-Total-Count", "3");
                byte[] body = "{\"items\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        target = URI.create("https://localhost:" + server.getAddress().getPort());
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        server.stop(0);
    }

    @Test
    public void anUntrustedCertificateIsNotedOnceAndTheServerIsVerified() throws Exception {
        Optional<String> note = TargetCheck.check(target, "/api/items", 5000);
        assertTrue(note.isPresent() && note.get().contains("does not trust the certificate"), note.toString());
        String browser = EngineSelection.choose(Arrays.asList(System.getProperty("cors.browsers", "all")
                .split(","))).engines().get(0).name();
        ServerVerificationTest.assertNoFindings(ServerVerificationTest.verify(target,
                ServerVerificationTest.EXAMPLE_POLICY, browser));
    }
}
