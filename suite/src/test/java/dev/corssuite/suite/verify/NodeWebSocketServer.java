package dev.corssuite.suite.verify;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verify/websocket/server.js} (the {@code ws} npm package, pinned by the committed package-lock.json): a
 * WebSocket server that either opens only handshakes from listed origins ({@code verifyClient}, 403 otherwise) or
 * opens every one; each socket is greeted with "hello" and has its messages echoed.
 */
public final class NodeWebSocketServer implements AutoCloseable {
    private final NodeApp app;

    private NodeWebSocketServer(List<String> args) throws IOException, InterruptedException {
        app = new NodeApp("the ws server", "websocket", "server.js", "ws", args);
    }

    /** Opens handshakes whose Origin is one of {@code origins}, refuses the others with 403. */
    public static NodeWebSocketServer checkingOrigin(String... origins) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("check-origin"));
        args.addAll(List.of(origins));
        return new NodeWebSocketServer(args);
    }

    /** Checks Origin with a {@code verifyClient} CommonJS module (the suite's suggested fix). */
    public static NodeWebSocketServer verifyingWith(java.nio.file.Path module) throws IOException,
            InterruptedException {
        return new NodeWebSocketServer(List.of("verify-client", module.toAbsolutePath().toString()));
    }

    /** Opens every handshake, whatever its Origin. */
    public static NodeWebSocketServer anyOrigin() throws IOException, InterruptedException {
        return new NodeWebSocketServer(List.of("any-origin"));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    @Override
    public void close() {
        app.close();
    }
}
