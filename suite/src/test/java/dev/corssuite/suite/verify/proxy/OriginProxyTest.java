package dev.corssuite.suite.verify.proxy;

import dev.corssuite.origins.CannedAnswer;
import dev.corssuite.origins.EndpointBehaviour;
import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

public class OriginProxyTest {
    private static final Path PAGES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures")
            .resolve("pages");
    private OriginFleet fleet;
    private OriginProxy proxy;
    private HttpClient client;
    private String target;
    private String token;

    @BeforeClass
    public void start() throws Exception {
        fleet = OriginFleet.builder().pages(PAGES).start();
        token = fleet.answers().register("t", new EndpointBehaviour(
                new CannedAnswer(204, List.of(new HeaderLine("Access-Control-Allow-Origin", "*")), "", 0),
                new CannedAnswer(200, List.of(new HeaderLine("Access-Control-Allow-Origin", "*")), "target", 0)));
        URI page = URI.create(fleet.origin(OriginRole.PAGE));
        target = fleet.origin(OriginRole.CROSS_PORT);
        proxy = new OriginProxy(Set.of("app.example.com:443", "app.example.com:80"),
                new InetSocketAddress("127.0.0.1", page.getPort()), URI.create(target), Set.of(),
                LocalCertificate.forHosts(List.of("app.example.com", "localhost")), 5000);
        String[] hostPort = proxy.hostPort().split(":");
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) { }
            public void checkServerTrusted(X509Certificate[] c, String a) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting)
                .proxy(ProxySelector.of(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]))))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        proxy.close();
        fleet.close();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void aPolicyOriginIsServedFromThePagesOverHttpAndHttps() throws Exception {
        assertTrue(get("http://app.example.com/probe.html").body().contains("CORS probe"));
        HttpResponse<String> secure = get("https://app.example.com/probe.html");
        assertEquals(secure.statusCode(), 200);
        assertTrue(secure.body().contains("CORS probe"));
    }

    @Test
    public void theTargetIsReachedAndRecordedByRequestId() throws Exception {
        HttpResponse<String> plain = get(target + "/cors/" + token + "?cors-suite-request=a1");
        assertEquals(plain.body(), "target");
        HttpResponse<String> viaTls = client.send(HttpRequest.newBuilder(
                        URI.create(target.replace("http:", "https:") + "/cors/" + token + "?x=1&cors-suite-request=a2"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "PUT").header("Origin", "https://app.example.com").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(viaTls.statusCode(), 204, "an http target is reachable over the proxy's TLS");
        List<RecordedRequest> first = proxy.traffic().requests("a1");
        assertEquals(first.size(), 1);
        assertEquals(first.get(0).kind(), RequestKind.ACTUAL);
        List<RecordedRequest> second = proxy.traffic().requests("a2");
        assertEquals(second.get(0).kind(), RequestKind.PREFLIGHT);
        assertEquals(second.get(0).origin().orElse(""), "https://app.example.com");
    }

    @Test
    public void anythingElseIsRefused() throws Exception {
        assertEquals(get("http://elsewhere.example.net/").statusCode(), 403);
    }

    @Test
    public void absoluteTargetsKeepHostsThatJavaNetUriDrops() throws Exception {
        AbsoluteTarget t = AbsoluteTarget.parse("http://app.example.com_.evil.test/probe.html?a=b");
        assertEquals(t.authority(), "app.example.com_.evil.test:80");
        assertEquals(t.path(), "/probe.html");
        assertEquals(t.query(), "a=b");
        assertEquals(AbsoluteTarget.parse("https://h.test:8443").authority(), "h.test:8443");
    }
}
