package dev.corssuite.suite.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corssuite.suite.verify.TargetVerification;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** The app without browsers: its page and assets, what it refuses, and input problems told as the command line does. */
public class ServeAppTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A script, style, image or import that names another host, or a scheme-relative one. */
    private static final java.util.regex.Pattern EXTERNAL = java.util.regex.Pattern.compile(
            "(?:src|href)\\s*=\\s*[\"']?(?:https?:)?//|url\\(\\s*[\"']?(?:https?:)?//|@import|import\\s*\\(");
    private final HttpClient http = HttpClient.newHttpClient();
    private ServeApp app;

    @BeforeClass
    public void start() throws Exception {
        app = new ServeApp(ServePageTest.ROOT, "127.0.0.1", 0, List.of(), results -> {
            throw new IllegalStateException("no matrix runs here");
        });
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (app != null) {
            app.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void servesThePageWithoutExternalAssets() throws Exception {
        assertTrue(app.url().startsWith("http://127.0.0.1:"), app.url());
        for (String asset : List.of("", "app.js", "app.css")) {
            HttpResponse<String> answer = get(asset);
            assertEquals(answer.statusCode(), 200, asset);
            assertTrue(EXTERNAL.matcher(answer.body()).results().findAny().isEmpty(),
                    asset + " loads nothing from elsewhere: " + EXTERNAL.matcher(answer.body()).results()
                            .map(java.util.regex.MatchResult::group).toList());
        }
    }

    @Test
    public void refusesWhatThePageNeverSends() throws Exception {
        assertEquals(post("api/request", "text/plain", "{}").statusCode(), 415, "a form post from another site");
        assertEquals(get("api/export?id=99&as=case").statusCode(), 404);
        int port = URI.create(app.url()).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals(status, "HTTP/1.1 421", "another host name (DNS rebinding) is refused");
        }
    }

    @Test
    public void aBadTargetIsToldAsTheCommandLineTellsIt() throws Exception {
        JsonNode view = JSON.readTree(post("api/request", "application/json", JSON.writeValueAsString(java.util.Map.of(
                "target", "ftp://127.0.0.1/api/items", "pageOrigin", "https://app.example.com"))).body());
        assertEquals(view.path("problems").get(0).asText(), "--target ftp://127.0.0.1: "
                + TargetVerification.targetProblem("ftp://127.0.0.1").orElseThrow());
        assertEquals(view.path("engines").size(), 0);
    }
}
