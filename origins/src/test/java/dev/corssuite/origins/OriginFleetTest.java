package dev.corssuite.origins;

import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

public class OriginFleetTest {
    private Path pages;
    private Path secret;
    private OriginFleet fleet;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeClass
    public void start() throws IOException {
        Path dir = Files.createTempDirectory("fleet-test");
        pages = Files.createDirectory(dir.resolve("pages"));
        Files.writeString(pages.resolve("probe.html"), "<!doctype html><title>probe</title>");
        secret = Files.writeString(dir.resolve("secret.txt"), "not for the browser");
        fleet = OriginFleet.builder().pages(pages).start();
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        fleet.close();
    }

    @Test
    public void everyRoleIsItsOwnOriginOnLoopback() {
        Set<String> origins = new HashSet<>();
        for (OriginRole role : OriginRole.values()) {
            String origin = fleet.origin(role);
            assertTrue(origin.matches("http://(localhost|127\\.0\\.0\\.1):\\d+"), origin);
            assertFalse(origin.endsWith(":0"), "port read after bind: " + origin);
            origins.add(origin);
        }
        assertEquals(origins.size(), OriginRole.values().length);
        assertNotEquals(URI.create(fleet.origin(OriginRole.PAGE)).getHost(),
                URI.create(fleet.origin(OriginRole.CROSS_HOST)).getHost());
        assertEquals(URI.create(fleet.origin(OriginRole.PAGE)).getHost(),
                URI.create(fleet.origin(OriginRole.CROSS_PORT)).getHost());
    }

    @Test
    public void configuredHeadersComeBackByteForByteIncludingRepeatsAndOddValues() throws IOException {
        var actual = new CannedAnswer(200, List.of(
                new HeaderLine("Access-Control-Allow-Origin", "http://a.test"),
                new HeaderLine("Access-Control-Allow-Origin", "http://b.test"),
                new HeaderLine("access-control-expose-headers", "X-One,  x-two ,"),
                new HeaderLine("Access-Control-Allow-Credentials", "\"true\"")), "hello", 0);
        String token = fleet.answers().register("bytes", new EndpointBehaviour(CannedAnswer.NO_CORS, actual));
        String head = RawHttp.exchange(fleet.origin(OriginRole.CROSS_PORT),
                "GET /cors/" + token + " HTTP/1.1\r\nHost: x\r\nOrigin: http://a.test\r\nConnection: close\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        assertTrue(head.contains("\r\nAccess-Control-Allow-Origin: http://a.test\r\n"), head);
        assertTrue(head.contains("\r\nAccess-Control-Allow-Origin: http://b.test\r\n"), head);
        assertTrue(head.contains("\r\naccess-control-expose-headers: X-One,  x-two ,\r\n"), head);
        assertTrue(head.contains("\r\nAccess-Control-Allow-Credentials: \"true\"\r\n"), head);
    }

    @Test
    public void aBase64BodyIsSentDecodedByteForByte() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff};
        var actual = new CannedAnswer(200, List.of(new HeaderLine("Content-Type", "image/png")),
                java.util.Base64.getEncoder().encodeToString(png), 0, true);
        String token = fleet.answers().register("binary", new EndpointBehaviour(CannedAnswer.NO_CORS, actual));
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                URI.create(fleet.endpointUrl(OriginRole.CROSS_PORT, token))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(response.body(), png);
        assertEquals(response.headers().firstValue("Content-Length").orElse(""), String.valueOf(png.length));
        org.testng.Assert.expectThrows(IllegalArgumentException.class,
                () -> new CannedAnswer(200, List.of(), "not base64!", 0, true));
    }

    /** A 101 answer accepts a WebSocket handshake; another status refuses it; both are journaled with their Origin. */
    @Test
    public void aWebSocketHandshakeIsAcceptedOnlyByA101AnswerAndJournaled() throws Exception {
        var accept = new CannedAnswer(101, List.of(new HeaderLine("X-Seen", "yes")), "", 0);
        var refuse = new CannedAnswer(403, List.of(), "no", 0);
        String open = fleet.answers().register("ws-open", new EndpointBehaviour(CannedAnswer.NO_CORS, accept));
        String closed = fleet.answers().register("ws-closed", new EndpointBehaviour(CannedAnswer.NO_CORS, refuse));
        java.net.http.WebSocket socket = client.newWebSocketBuilder().header("Origin", "http://elsewhere.test")
                .buildAsync(URI.create(fleet.endpointUrl(OriginRole.CROSS_PORT, open).replace("http:", "ws:")),
                        new java.net.http.WebSocket.Listener() {
                        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done").get(10, java.util.concurrent.TimeUnit.SECONDS);
        expectThrows(java.util.concurrent.ExecutionException.class, () -> client.newWebSocketBuilder()
                .buildAsync(URI.create(fleet.endpointUrl(OriginRole.CROSS_PORT, closed).replace("http:", "ws:")),
                        new java.net.http.WebSocket.Listener() {
                        }).get(10, java.util.concurrent.TimeUnit.SECONDS));
        RecordedRequest handshake = fleet.journal().requests(open).get(0);
        assertEquals(handshake.kind(), RequestKind.ACTUAL);
        assertEquals(handshake.origin().orElse(""), "http://elsewhere.test");
        assertEquals(handshake.header("Upgrade").orElse(""), "websocket");
        assertEquals(fleet.journal().requests(closed).size(), 1);
    }

    /** A request with If-None-Match or If-Modified-Since gets the revalidated answer; any other the actual one. */
    @Test
    public void aConditionalRequestGetsTheRevalidatedAnswer() throws Exception {
        var actual = new CannedAnswer(200, List.of(new HeaderLine("ETag", "\"v1\"")), "stored", 0);
        var notModified = new CannedAnswer(304, List.of(new HeaderLine("ETag", "\"v1\"")), "", 0);
        String token = fleet.answers().register("revalidated",
                new EndpointBehaviour(CannedAnswer.NO_CORS, actual, notModified));
        URI uri = URI.create(fleet.endpointUrl(OriginRole.CROSS_PORT, token));
        assertEquals(client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode(), 200);
        assertEquals(client.send(HttpRequest.newBuilder(uri).header("If-None-Match", "\"v1\"").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), 304);
        assertEquals(client.send(HttpRequest.newBuilder(uri).header("If-Modified-Since",
                "Tue, 01 Dec 2020 00:00:00 GMT").build(), HttpResponse.BodyHandlers.ofString()).statusCode(), 304);
        assertEquals(fleet.journal().requests(token).size(), 3);
    }

    @Test
    public void preflightAndActualAreAnsweredSeparatelyAndJournaled() throws Exception {
        var preflight = new CannedAnswer(204, List.of(new HeaderLine("Access-Control-Allow-Methods", "PUT")), "", 0);
        var actual = new CannedAnswer(201, List.of(new HeaderLine("X-Actual", "yes")), "made", 0);
        String token = fleet.answers().register("journal", new EndpointBehaviour(preflight, actual));
        URI uri = URI.create(fleet.endpointUrl(OriginRole.CROSS_HOST, token));

        HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", fleet.origin(OriginRole.PAGE))
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "x-a,x-b").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = client.send(HttpRequest.newBuilder(uri)
                .PUT(HttpRequest.BodyPublishers.ofString("x"))
                .header("Origin", fleet.origin(OriginRole.PAGE)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(first.statusCode(), 204);
        assertEquals(first.headers().firstValue("Access-Control-Allow-Methods").orElse(""), "PUT");
        assertEquals(second.statusCode(), 201);
        assertEquals(second.body(), "made");

        List<RecordedRequest> recorded = fleet.journal().requests(token);
        assertEquals(recorded.size(), 2);
        assertEquals(recorded.get(0).kind(), RequestKind.PREFLIGHT);
        assertEquals(recorded.get(0).method(), "OPTIONS");
        assertEquals(recorded.get(0).header("access-control-request-headers").orElse(""), "x-a,x-b");
        assertEquals(recorded.get(0).origin().orElse(""), fleet.origin(OriginRole.PAGE));
        assertEquals(recorded.get(0).receivedBy(), OriginRole.CROSS_HOST);
        assertEquals(recorded.get(1).kind(), RequestKind.ACTUAL);
        assertEquals(recorded.get(1).method(), "PUT");
        assertFalse(recorded.get(1).receivedAt().isBefore(recorded.get(0).receivedAt()));
    }

    @Test
    public void oneTokenAnswersPerRoleAndTheJournalSaysWhichOriginGotEachHop() throws Exception {
        var redirect = new CannedAnswer(302, List.of(new HeaderLine("Location", "elsewhere")), "", 0);
        var ok = new CannedAnswer(200, List.of(), "end", 0);
        String token = fleet.answers().register("roles", java.util.Map.of(
                OriginRole.CROSS_PORT, new EndpointBehaviour(CannedAnswer.NO_CORS, redirect),
                OriginRole.CROSS_HOST, new EndpointBehaviour(CannedAnswer.NO_CORS, ok)));
        var plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var first = plain.send(HttpRequest.newBuilder(URI.create(fleet.endpointUrl(OriginRole.CROSS_PORT, token)))
                .build(), HttpResponse.BodyHandlers.ofString());
        var second = plain.send(HttpRequest.newBuilder(URI.create(fleet.endpointUrl(OriginRole.CROSS_HOST, token)))
                .build(), HttpResponse.BodyHandlers.ofString());
        var third = plain.send(HttpRequest.newBuilder(URI.create(fleet.endpointUrl(OriginRole.PAGE, token)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(first.statusCode(), 302);
        assertEquals(second.body(), "end");
        assertEquals(third.statusCode(), 404, "a role without a behaviour has no endpoint");
        assertEquals(fleet.journal().requests(token).stream().map(RecordedRequest::receivedBy).toList(),
                List.of(OriginRole.CROSS_PORT, OriginRole.CROSS_HOST, OriginRole.PAGE));
    }

    @Test
    public void cookieSetterScopesTheCookieToTheCaseEndpointAndAllowsTheAskingOrigin() throws Exception {
        String url = fleet.cookieSetterUrl(OriginRole.CROSS_PORT, "tok-1", "SameSite=None; Secure");
        var response = client.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", "http://a.test").build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(response.headers().firstValue("Set-Cookie").orElse(""),
                "case=tok-1; Path=/cors/tok-1; SameSite=None; Secure");
        assertEquals(response.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "http://a.test");
        assertEquals(response.headers().firstValue("Access-Control-Allow-Credentials").orElse(""), "true");
    }

    @Test
    public void aMarkIsJournaledUnderItsTokenBetweenTheRequests() throws Exception {
        String token = fleet.answers().register("marked", new EndpointBehaviour(CannedAnswer.NO_CORS, CannedAnswer.NO_CORS));
        for (String url : List.of(fleet.endpointUrl(OriginRole.CROSS_PORT, token), fleet.markUrl(OriginRole.PAGE, token),
                fleet.endpointUrl(OriginRole.CROSS_PORT, token))) {
            client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        }
        assertEquals(fleet.journal().requests(token).stream().map(RecordedRequest::kind).toList(),
                List.of(RequestKind.ACTUAL, RequestKind.MARK, RequestKind.ACTUAL));
    }

    @Test
    public void optionsWithoutRequestMethodIsAnActualRequest() throws Exception {
        String token = fleet.answers().register("plain-options", new EndpointBehaviour(
                new CannedAnswer(500, List.of(), "", 0), new CannedAnswer(200, List.of(), "", 0)));
        var response = client.send(HttpRequest.newBuilder(URI.create(fleet.endpointUrl(OriginRole.CROSS_PORT, token)))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(response.statusCode(), 200);
        assertEquals(fleet.journal().requests(token).get(0).kind(), RequestKind.ACTUAL);
    }

    @Test
    public void unknownTokenIsNotFoundButStillJournaled() throws Exception {
        var response = client.send(HttpRequest.newBuilder(URI.create(fleet.endpointUrl(OriginRole.CROSS_PORT, "nobody")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(response.statusCode(), 404);
        assertEquals(fleet.journal().requests("nobody").size(), 1);
    }

    @Test
    public void delayedAnswerArrivesAfterItsDelay() throws Exception {
        String token = fleet.answers().register("slow", new EndpointBehaviour(CannedAnswer.NO_CORS,
                new CannedAnswer(200, List.of(), "late", 300)));
        long start = System.nanoTime();
        var response = client.send(HttpRequest.newBuilder(URI.create(fleet.endpointUrl(OriginRole.CROSS_PORT, token)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), "late");
        assertTrue(System.nanoTime() - start >= 290_000_000L);
    }

    @Test
    public void pagesAreServedFromTheirFolder() throws Exception {
        var response = client.send(HttpRequest.newBuilder(URI.create(fleet.url(OriginRole.PAGE, "/probe.html"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(response.statusCode(), 200);
        assertTrue(response.body().contains("probe"));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    public void pathTraversalIsRefused() throws IOException {
        String name = secret.getFileName().toString();
        for (String path : List.of("/../" + name, "/%2e%2e/" + name, "/..%2f" + name, "/x/../../" + name,
                "/..\\" + name, "/%2e%2e%5c" + name)) {
            String head = RawHttp.exchange(fleet.origin(OriginRole.PAGE),
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(head.startsWith("HTTP/1.1 403") || head.startsWith("HTTP/1.1 400") || head.startsWith("HTTP/1.1 404"),
                    path + " -> " + head);
            assertFalse(head.startsWith("HTTP/1.1 200"), path);
        }
    }

    @Test
    public void symlinkOutOfThePagesFolderIsRefused() throws Exception {
        Path link = pages.resolve("escape.txt");
        Files.createSymbolicLink(link, secret);
        var response = client.send(HttpRequest.newBuilder(URI.create(fleet.url(OriginRole.PAGE, "/escape.txt"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(response.statusCode(), 403);
    }

    @Test
    public void closedFleetAnswersNothing() {
        OriginFleet other = OriginFleet.builder().pages(pages).start();
        String origin = other.origin(OriginRole.PAGE);
        other.close();
        try {
            client.send(HttpRequest.newBuilder(URI.create(origin + "/probe.html")).build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("a closed fleet still answered at " + origin);
        } catch (IOException | InterruptedException expected) {
            // connection refused: the server is gone
        }
    }
}
