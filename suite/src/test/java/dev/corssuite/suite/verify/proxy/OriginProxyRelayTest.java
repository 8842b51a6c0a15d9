package dev.corssuite.suite.verify.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * The proxy against a real upstream (the JDK's HttpServer as the target): bodies, framing and 1xx answers pass
 * through whole, and what it cannot pass on is a fault of that request id, never an answer made up for the server.
 */
public class OriginProxyRelayTest {
    private static final int LARGE = 6 * 1024 * 1024;
    private static final byte[] LARGE_BODY = new byte[LARGE];

    private ExecutorService serverThreads;
    private HttpServer upstream;
    private OriginProxy proxy;
    private HttpClient client;
    private String target;
    private final AtomicInteger upstreamConnections = new AtomicInteger();

    @BeforeClass
    public void start() throws Exception {
        new Random(7).nextBytes(LARGE_BODY);
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        upstream.setExecutor(serverThreads);
        upstream.createContext("/echo", OriginProxyRelayTest::echo);
        upstream.createContext("/large", exchange -> {
            boolean chunked = exchange.getRequestURI().getQuery().contains("chunked");
            exchange.sendResponseHeaders(200, chunked ? 0 : LARGE);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(LARGE_BODY);
            }
        });
        upstream.createContext("/reset", exchange -> {
            exchange.sendResponseHeaders(200, 100_000);
            exchange.getResponseBody().write(new byte[1000]);
            exchange.getResponseBody().flush();
            // the handler fails mid-answer: HttpServer drops the connection with 99,000 bytes still owed
            throw new IllegalStateException("upstream broke off on purpose");
        });
        upstream.start();
        target = "http://127.0.0.1:" + upstream.getAddress().getPort();
        proxy = new OriginProxy(Set.of("app.example.com:80"), new InetSocketAddress("127.0.0.1", 9),
                URI.create(target), Set.of(), LocalCertificate.forHosts(List.of("app.example.com")), 5000);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(proxyAddress())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        proxy.close();
        upstream.stop(0);
        serverThreads.shutdownNow();
    }

    /** Answers with what arrived: method, body length and SHA-256, and each header as the server saw it. */
    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        StringBuilder seen = new StringBuilder(exchange.getRequestMethod()).append('\n')
                .append(body.length).append(' ').append(sha256(body)).append('\n');
        new TreeMap<>(exchange.getRequestHeaders()).forEach((name, values) ->
                seen.append(name).append(": ").append(String.join(",", values)).append('\n'));
        byte[] answer = seen.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Answer", "as sent");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private InetSocketAddress proxyAddress() {
        String[] hostPort = proxy.hostPort().split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path, String id) {
        return target + path + "?" + TargetTraffic.QUERY_PARAMETER + "=" + id;
    }

    /** A connection to the proxy that shows each answer as it comes, 1xx included. */
    private DefaultBHttpClientConnection connectToProxy() throws IOException {
        Socket socket = new Socket();
        socket.connect(proxyAddress(), 5000);
        socket.setSoTimeout(10_000);
        DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
        connection.bind(socket);
        return connection;
    }

    @Test
    public void aChunkedUploadOfMegabytesReachesTheTargetWhole() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url("/echo", "chunked-up")))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(LARGE_BODY)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(answer.statusCode(), 200);
        assertTrue(answer.body().contains(LARGE + " " + sha256(LARGE_BODY)), answer.body());
        assertTrue(answer.body().contains("Transfer-encoding: chunked"), "sent on chunked: " + answer.body());
        assertEquals(proxy.traffic().requests("chunked-up").size(), 1);
        assertEquals(proxy.traffic().faults("chunked-up"), List.of());
    }

    @Test
    public void largeAnswersComeBackWholeByLengthAndByChunks() throws Exception {
        for (String framing : List.of("length", "chunked")) {
            HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(
                            URI.create(url("/large", "large-" + framing) + "&" + framing))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(answer.statusCode(), 200);
            assertEquals(sha256(answer.body()), sha256(LARGE_BODY), framing);
            assertEquals(proxy.traffic().faults("large-" + framing), List.of());
        }
    }

    @Test
    public void theRequestReachesTheTargetAsTheBrowserSentItAndTheAnswerComesBackAsSent() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url("/echo", "as-sent")))
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                .header("Origin", "https://app.example.com").header("X-Api-Key", "k  1")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> seen = answer.body().lines().toList();
        assertEquals(seen.get(0), "PUT");
        assertEquals(seen.get(1), "7 " + sha256("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(seen.contains("Origin: https://app.example.com"), answer.body());
        assertTrue(seen.contains("X-api-key: k  1"), answer.body());
        assertTrue(seen.contains("Host: " + URI.create(target).getAuthority()), answer.body());
        assertFalse(answer.body().toLowerCase().contains("forwarded") || answer.body().contains("Via:"),
                "the proxy adds nothing of its own: " + answer.body());
        assertEquals(answer.headers().firstValue("X-Answer").orElse(""), "as sent");
        assertEquals(proxy.traffic().requests("as-sent").get(0).origin().orElse(""), "https://app.example.com");
    }

    @Test
    public void expectContinueIsRelayedBeforeTheBodyIsSent() throws Exception {
        byte[] body = "after the interim answer".getBytes(StandardCharsets.UTF_8);
        DefaultBHttpClientConnection connection = connectToProxy();
        try (connection) {
            ClassicHttpRequest request = new BasicClassicHttpRequest("POST", null, null, url("/echo", "continue"));
            request.addHeader("Host", URI.create(target).getAuthority());
            request.addHeader("Expect", "100-continue");
            request.addHeader("Content-Length", Integer.toString(body.length));
            request.setEntity(new ByteArrayEntity(body, null));
            connection.sendRequestHeader(request);
            connection.flush();
            ClassicHttpResponse interim = connection.receiveResponseHeader();
            assertEquals(interim.getCode(), 100, "the target's 100 Continue reaches the client before its body");
            connection.sendRequestEntity(request);
            connection.flush();
            ClassicHttpResponse answer = connection.receiveResponseHeader();
            connection.receiveResponseEntity(answer);
            assertEquals(answer.getCode(), 200);
            assertTrue(EntityUtils.toString(answer.getEntity()).contains(body.length + " " + sha256(body)));
        }
        assertEquals(proxy.traffic().faults("continue"), List.of());
    }

    @Test
    public void earlyHintsReachTheBrowserBeforeTheAnswerAndTheHeadArrivesByteForByte() throws Exception {
        // neither HttpServer nor Undertow sends a 103 before the final answer or shows a head as it came: this
        // upstream reads and writes bytes
        CompletableFuture<String> arrived = new CompletableFuture<>();
        try (ServerSocket hinting = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = hinting.accept()) {
                    InputStream in = s.getInputStream();
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().endsWith("\r\n\r\n")) {
                        head.append((char) in.read());
                    }
                    arrived.complete(head.toString());
                    s.getOutputStream().write(("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                            + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    in.read();
                } catch (IOException e) {
                    arrived.completeExceptionally(e);
                }
            });
            server.start();
            String authority = "127.0.0.1:" + hinting.getLocalPort();
            try (OriginProxy own = new OriginProxy(Set.of(), new InetSocketAddress("127.0.0.1", 9),
                    URI.create("http://" + authority), Set.of(), LocalCertificate.forHosts(List.of("localhost")),
                    5000)) {
                String[] hostPort = own.hostPort().split(":");
                Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
                socket.setSoTimeout(10_000);
                String forUpstream = "Host: " + authority + "\r\nx-lower: a\r\nOrigin:   https://app.example.com\r\n"
                        + "X-Twice: 1\r\nAccept: */*\r\nX-Twice: 2\r\n";
                socket.getOutputStream().write(("GET http://" + authority + "/p?" + TargetTraffic.QUERY_PARAMETER
                        + "=hints HTTP/1.1\r\n" + forUpstream + "Proxy-Connection: keep-alive\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
                connection.bind(socket);
                try (connection) {
                    ClassicHttpResponse hints = connection.receiveResponseHeader();
                    assertEquals(hints.getCode(), 103);
                    assertEquals(hints.getFirstHeader("Link").getValue(), "</style.css>; rel=preload");
                    ClassicHttpResponse answer = connection.receiveResponseHeader();
                    connection.receiveResponseEntity(answer);
                    assertEquals(answer.getCode(), 200);
                    assertEquals(EntityUtils.toString(answer.getEntity()), "ok");
                }
                assertEquals(arrived.get(5, TimeUnit.SECONDS), "GET /p?" + TargetTraffic.QUERY_PARAMETER
                        + "=hints HTTP/1.1\r\n" + forUpstream + "Connection: close\r\n\r\n",
                        "names, values, order and repeats as sent; only the hop-by-hop header is the proxy's");
                assertEquals(own.traffic().faults("hints"), List.of());
                assertEquals(own.traffic().requests("hints").size(), 1);
            }
            server.join(5000);
        }
    }

    @Test
    public void oneBrowserConnectionCarriesSeveralRequests() throws Exception {
        DefaultBHttpClientConnection connection = connectToProxy();
        try (connection) {
            for (int i = 0; i < 3; i++) {
                ClassicHttpRequest request = new BasicClassicHttpRequest("GET", null, null,
                        url("/echo", "keep-alive-" + i));
                request.addHeader("Host", URI.create(target).getAuthority());
                connection.sendRequestHeader(request);
                connection.flush();
                ClassicHttpResponse answer = connection.receiveResponseHeader();
                connection.receiveResponseEntity(answer);
                assertEquals(answer.getCode(), 200, "request " + i + " on the same connection");
                assertFalse(answer.containsHeader("Connection"), "the proxy keeps the connection open");
                EntityUtils.consume(answer.getEntity());
                assertEquals(proxy.traffic().requests("keep-alive-" + i).size(), 1);
            }
        }
    }

    @Test
    public void anUpstreamThatBreaksOffMidAnswerIsAFaultOfThatRequest() throws Exception {
        expectThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(URI.create(url("/reset", "reset")))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        List<String> faults = proxy.traffic().faults("reset");
        assertEquals(faults.size(), 1, faults.toString());
        assertTrue(faults.get(0).contains("broke off"), faults.get(0));
        assertEquals(proxy.traffic().requests("reset").size(), 1, "the target received it");
        assertEquals(client.send(HttpRequest.newBuilder(URI.create(url("/echo", "after-reset"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), 200, "the proxy serves on");
    }

    @Test
    public void aBrokenChunkedUploadIsAFaultOfThatRequestNotAnAnswerOfTheTarget() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(proxyAddress(), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + url("/echo", "bad-chunks") + " HTTP/1.1\r\nHost: "
                    + URI.create(target).getAuthority() + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\nnot-a-size\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 502"), answer);
        }
        List<String> faults = proxy.traffic().faults("bad-chunks");
        assertEquals(faults.size(), 1, faults.toString());
        assertTrue(faults.get(0).contains("request body"), faults.get(0));
    }

    @Test
    public void aMalformedRequestIsARunFault() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(proxyAddress(), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /not-absolute HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
        assertTrue(proxy.traffic().runFaults().stream().anyMatch(f -> f.contains("/not-absolute")),
                proxy.traffic().runFaults().toString());
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException e) {
            return new byte[0];
        }
    }
}
