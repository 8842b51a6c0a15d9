package dev.corssuite.suite.verify.proxy;

import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.suite.verify.NodeWebSocketServer;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * WebSocket handshakes through the verify proxy to the tests' ws server, the three ways a browser sends them: ws://
 * as an absolute-form GET with Upgrade, ws:// inside a CONNECT tunnel (Chromium, Firefox), wss:// inside a CONNECT
 * tunnel with TLS ended at the proxy. The handshake is recorded as the server received it; after the 101, frames go
 * both ways (the server's greeting, sent right after its 101, and an echo).
 */
public class OriginProxyWebSocketTest {
    private static final String ALLOWED = "https://app.example.com";
    private NodeWebSocketServer server;
    private OriginProxy proxy;
    private String authority;
    private String[] proxyAt;

    @BeforeClass
    public void start() throws Exception {
        server = NodeWebSocketServer.checkingOrigin(ALLOWED);
        URI target = server.url();
        authority = target.getHost() + ":" + target.getPort();
        proxy = new OriginProxy(Set.of("app.example.com:443"), new InetSocketAddress("127.0.0.1", 9), target,
                Set.of(), LocalCertificate.forHosts(List.of("app.example.com", "localhost")), 5000);
        proxyAt = proxy.hostPort().split(":");
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Socket toProxy() throws IOException {
        Socket socket = new Socket(proxyAt[0], Integer.parseInt(proxyAt[1]));
        socket.setSoTimeout(10_000);
        return socket;
    }

    private Socket connect(Socket socket) throws IOException {
        socket.getOutputStream().write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(head(socket.getInputStream()).startsWith("HTTP/1.1 200"));
        return socket;
    }

    @Test
    public void anAbsoluteFormHandshakeIsRecordedAndTheFramesGoBothWays() throws Exception {
        try (Socket socket = toProxy()) {
            String answer = handshake(socket, "http://" + authority + "/chat?cors-suite-request=w1", ALLOWED);
            assertTrue(answer.startsWith("HTTP/1.1 101"), answer);
            assertTrue(answer.toLowerCase().contains("upgrade: websocket"), answer);
            exchangeFrames(socket);
        }
        RecordedRequest handshake = proxy.traffic().requests("w1").get(0);
        assertEquals(handshake.method(), "GET");
        assertEquals(handshake.path(), "/chat");
        assertEquals(header(handshake, "Origin"), ALLOWED);
        assertEquals(header(handshake, "Cookie"), "session=s1");
        assertEquals(proxy.traffic().statuses("w1"), List.of(101));
        assertEquals(proxy.traffic().faults("w1"), List.of());
    }

    @Test
    public void aPlainHandshakeInAConnectTunnelReachesTheTarget() throws Exception {
        try (Socket socket = connect(toProxy())) {
            String answer = handshake(socket, "/chat?cors-suite-request=w2", ALLOWED);
            assertTrue(answer.startsWith("HTTP/1.1 101"), answer);
            exchangeFrames(socket);
        }
        assertEquals(header(proxy.traffic().requests("w2").get(0), "Origin"), ALLOWED);
        assertEquals(proxy.traffic().statuses("w2"), List.of(101));
    }

    @Test
    public void aSecureHandshakeInAConnectTunnelIsPassedOnInPlainHttp() throws Exception {
        try (Socket socket = connect(toProxy());
             SSLSocket tls = (SSLSocket) trusting().getSocketFactory().createSocket(socket, "localhost",
                     socket.getPort(), true)) {
            tls.startHandshake();
            String answer = handshake(tls, "/chat?cors-suite-request=w3", ALLOWED);
            assertTrue(answer.startsWith("HTTP/1.1 101"), answer);
            exchangeFrames(tls);
        }
        assertEquals(proxy.traffic().statuses("w3"), List.of(101));
    }

    @Test
    public void aRefusedHandshakeReachesTheBrowserAsTheServerAnsweredIt() throws Exception {
        try (Socket socket = toProxy()) {
            String answer = handshake(socket, "http://" + authority + "/chat?cors-suite-request=w4",
                    "https://attacker.example");
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        }
        assertEquals(header(proxy.traffic().requests("w4").get(0), "Origin"), "https://attacker.example");
        assertEquals(proxy.traffic().statuses("w4"), List.of(403));
        assertEquals(proxy.traffic().faults("w4"), List.of());
    }

    /** A target that answers 101 and then resets the connection while the browser's side is still open. */
    @Test
    public void aTunnelThatBreaksIsAFaultOfThatRequest() throws Exception {
        try (java.net.ServerSocket target = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = target.accept()) {
                    head(s.getInputStream());
                    s.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                            + "Connection: Upgrade\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    s.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // the test sees what the proxy made of it
                }
            });
            server.start();
            String at = "127.0.0.1:" + target.getLocalPort();
            try (OriginProxy resetting = new OriginProxy(Set.of(), new InetSocketAddress("127.0.0.1", 9),
                    URI.create("http://" + at), Set.of(), LocalCertificate.forHosts(List.of("localhost")), 5000)) {
                String[] hostPort = resetting.hostPort().split(":");
                try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                    socket.setSoTimeout(10_000);
                    assertTrue(handshake(socket, "http://" + at + "/chat?cors-suite-request=w5", ALLOWED)
                            .startsWith("HTTP/1.1 101"));
                    try {
                        assertEquals(socket.getInputStream().read(), -1, "the proxy closes the browser's side");
                    } catch (java.net.SocketException closed) {
                        // reset: closed as well
                    }
                }
                server.join(5000);
                long until = System.currentTimeMillis() + 5000;
                while (resetting.traffic().faults("w5").isEmpty() && System.currentTimeMillis() < until) {
                    Thread.sleep(20);
                }
                assertEquals(resetting.traffic().statuses("w5"), List.of(101));
                assertTrue(resetting.traffic().faults("w5").stream().anyMatch(f -> f.contains("WebSocket tunnel broke")),
                        resetting.traffic().faults("w5").toString());
            }
        }
    }

    private static String handshake(Socket socket, String target, String origin) throws IOException {
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: ignored.example\r\n"
                + "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: " + origin + "\r\nCookie: session=s1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return head(socket.getInputStream());
    }

    /** The server's greeting arrives, a masked text frame goes up and comes back echoed, then the socket closes. */
    private static void exchangeFrames(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        assertEquals(readText(in), "hello");
        writeFrame(out, 0x1, "ping".getBytes(StandardCharsets.UTF_8));
        assertEquals(readText(in), "ping");
        writeFrame(out, 0x8, new byte[] {0x03, (byte) 0xe8});
        assertEquals(in.read() & 0x0f, 0x8, "the server's close frame");
    }

    private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
        byte[] mask = {1, 2, 3, 4};
        out.write(0x80 | opcode);
        out.write(0x80 | payload.length);
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    private static String readText(InputStream in) throws IOException {
        assertEquals(in.read(), 0x81, "a final text frame");
        int length = in.read();
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String header(RecordedRequest request, String name) {
        return request.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(h -> h.value())
                .findFirst().orElse(null);
    }

    private static SSLContext trusting() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) { }
            public void checkServerTrusted(X509Certificate[] c, String a) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        return context;
    }
}
