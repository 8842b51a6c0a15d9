package dev.corssuite.suite.verify.direct;

import org.testng.annotations.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/** Real sockets that misbehave on purpose; each fault is one message naming it, within the timeout. */
public class TargetCheckTest {
    private static final long TIMEOUT_MS = 800;

    /** A loopback server whose every connection is handled by {@code behaviour} on its own thread. */
    static final class MisbehavingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new ArrayList<>();

        MisbehavingServer(Consumer<Socket> behaviour) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                        new Thread(() -> behaviour.accept(s)).start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        URI url(String scheme) {
            return URI.create(scheme + "://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    private static String refusal(URI target) {
        long started = System.nanoTime();
        TargetUnusableException e = expectThrows(TargetUnusableException.class,
                () -> TargetCheck.check(target, "/api", TIMEOUT_MS));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertTrue(ms < TIMEOUT_MS + 3000, "took " + ms + " ms");
        assertTrue(e.getMessage().contains("no browser was started"), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    public void aRefusedConnectionIsNamed() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String message = refusal(URI.create("http://127.0.0.1:" + port));
        assertTrue(message.contains("connection refused"), message);
    }

    @Test
    public void anUnknownHostIsNamed() {
        String message = refusal(URI.create("http://cors-suite-unreachable.invalid:8080"));
        assertTrue(message.contains("does not resolve"), message);
    }

    @Test
    public void aHangingServerCostsOnlyTheTimeout() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(s -> { })) {
            String message = refusal(server.url("http"));
            assertTrue(message.contains("sent no answer within " + TIMEOUT_MS + " ms"), message);
        }
    }

    @Test
    public void aGarbageAnswerIsNamed() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(s -> {
            try (OutputStream out = s.getOutputStream()) {
                out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // the client hung up
            }
        })) {
            String message = refusal(server.url("http"));
            assertTrue(message.contains("not HTTP"), message);
        }
    }

    @Test
    public void aTlsFailureIsNamed() throws IOException {
        try (MisbehavingServer server = new MisbehavingServer(s -> {
            try (OutputStream out = s.getOutputStream()) {
                s.getInputStream().read(new byte[512]);
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // the client hung up
            }
        })) {
            String message = refusal(server.url("https"));
            assertTrue(message.contains("TLS failure"), message);
        }
    }
}
