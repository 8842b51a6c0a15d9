package dev.corssuite.suite.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.corssuite.suite.run.EngineSelection;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * Every session answers HTTP authentication challenges from the start: a credentialed fetch answered 401 +
 * WWW-Authenticate (where Fetch prompts, same-origin, and where some engines prompt anyway, cross-origin) settles
 * with the 401 the page would see once the prompt is declined, and the session records the challenge it declined.
 * A session that cannot decline (WebKitWebDriver) leaves the prompt to the page's own timeout, and the page goes on.
 */
@Test(groups = "browser")
public class AuthChallengeAnswerTest {
    private static final long PAGE_TIMEOUT_MS = 3000;

    @DataProvider(name = "engines")
    public Object[][] engines() {
        return EngineSelection.choose(Arrays.asList(System.getProperty("cors.browsers", "all").split(",")))
                .engines().stream().map(e -> new Object[] {e}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "engines")
    public void aChallengeNeverLeavesTheRunWaitingOnAPrompt(Engine engine) throws Exception {
        HttpServer page = server("localhost");
        HttpServer other = server("127.0.0.1");
        try (BrowserSession session = engine.start()) {
            String pageOrigin = "http://localhost:" + page.getAddress().getPort();
            String otherOrigin = "http://127.0.0.1:" + other.getAddress().getPort();
            session.open(pageOrigin + "/page");
            AuthChallenges answers = session.authChallenges();

            for (String scheme : List.of("Basic", "Digest")) {
                String sameOrigin = pageOrigin + "/challenge?" + scheme;
                String result = fetchWithCredentials(session, sameOrigin);
                if (answers.declines()) {
                    assertEquals(result, "status 401", engine.name() + " same-origin " + scheme);
                    assertTrue(recorded(answers, sameOrigin),
                            engine.name() + " recorded no declined challenge for " + sameOrigin);
                } else {
                    assertEquals(result, "rejected AbortError", engine.name() + " same-origin " + scheme + ": "
                            + answers.how());
                }
                String crossOrigin = otherOrigin + "/challenge?" + scheme;
                assertEquals(fetchWithCredentials(session, crossOrigin), "status 401",
                        engine.name() + " cross-origin " + scheme);
                answers.takeDeclined();
            }
            assertEquals(fetchWithCredentials(session, otherOrigin + "/ok"), "status 200",
                    engine.name() + " after the challenges");
        } finally {
            page.stop(0);
            other.stop(0);
        }
    }

    /** Waits a moment for the record: Chromium's comes from a network event that travels apart from the page. */
    private static boolean recorded(AuthChallenges answers, String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        do {
            if (answers.takeDeclined().stream().anyMatch(c -> c.url().equals(url))) {
                return true;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static String fetchWithCredentials(BrowserSession session, String url) {
        return session.evaluateAsync("(async () => { const c = new AbortController();"
                + " const t = setTimeout(() => c.abort(), " + PAGE_TIMEOUT_MS + ");"
                + " try { const r = await fetch('" + url + "', {credentials: 'include', signal: c.signal});"
                + " await r.text(); return 'status ' + r.status; }"
                + " catch (e) { return 'rejected ' + e.name; } finally { clearTimeout(t); } })()",
                Duration.ofMillis(PAGE_TIMEOUT_MS).plusSeconds(20));
    }

    /** Serves /page, /ok and /challenge?SCHEME (401 + WWW-Authenticate: SCHEME, with CORS for credentials). */
    private static HttpServer server(String host) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin != null) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
                exchange.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
            }
            switch (path) {
                case "/page" -> answer(exchange, 200, "text/html", "<!doctype html><title>" + host + "</title>");
                case "/ok" -> answer(exchange, 200, "text/plain", "ok");
                case "/challenge" -> {
                    String scheme = exchange.getRequestURI().getQuery();
                    exchange.getResponseHeaders().add("WWW-Authenticate", scheme.equals("Digest")
                            ? "Digest realm=\"cors-suite\", qop=\"auth\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\""
                            : "Basic realm=\"cors-suite\"");
                    answer(exchange, 401, "text/plain", "log in first");
                }
                default -> answer(exchange, 404, "text/plain", "no such path");
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
