package dev.corssuite.suite.verify.direct;

import dev.corssuite.suite.verify.NodeWebSocketServer;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** The browser-free WebSocket handshake against the ws server that checks Origin, and against nothing. */
public class WebSocketHandshakeTest {
    private NodeWebSocketServer server;
    private DirectProbe probe;

    @BeforeClass
    public void start() throws Exception {
        server = NodeWebSocketServer.checkingOrigin("https://app.example.com");
        probe = new DirectProbe(server.url(), 3000);
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    public void anAllowedOriginIsSwitchedToTheWebSocketProtocol() {
        RawAnswer answer = probe.handshake("/live?cors-suite-request=direct-r001", "https://app.example.com");
        assertTrue(answer.answered(), answer.toString());
        assertEquals(answer.status(), 101);
    }

    @Test
    public void aHostileOriginGetsTheServersRefusalWithItsHeaders() {
        RawAnswer answer = probe.handshake("/live", "null");
        assertEquals(answer.status(), 403, answer.toString());
        assertTrue(answer.header("Content-Type").isPresent(), answer.toString());
    }

    @Test
    public void nothingListeningIsARefusedConnection() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        RawAnswer answer = new DirectProbe(URI.create("http://127.0.0.1:" + free), 1000).handshake("/live",
                "https://app.example.com");
        assertTrue(answer.failure().startsWith(DirectProbe.REFUSED), answer.failure());
        assertEquals(LoadSignal.of(answer).orElseThrow(), LoadSignal.REFUSED);
    }
}
