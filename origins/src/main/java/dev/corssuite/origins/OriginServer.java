package dev.corssuite.origins;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;

import org.xnio.Options;

import java.net.InetSocketAddress;

/** One Undertow server playing one origin: bound to port 0 on the bind address, its real port read after start. */
final class OriginServer implements AutoCloseable {
    private final OriginRole role;
    private final String host;
    private final Undertow undertow;
    private final int port;

    OriginServer(OriginRole role, String bindAddress, String host, HttpHandler handler) {
        this.role = role;
        this.host = host;
        this.undertow = Undertow.builder()
                .addHttpListener(0, bindAddress)
                .setIoThreads(1)
                .setWorkerThreads(4)
                .setSocketOption(Options.TCP_NODELAY, true)
                .setHandler(handler)
                .build();
        undertow.start();
        this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    OriginRole role() {
        return role;
    }

    /** The serialized origin, as a browser would send it in {@code Origin}. */
    String origin() {
        return "http://" + host + ":" + port;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        undertow.stop();
    }

    @Override
    public String toString() {
        return role.fileName() + " " + origin();
    }
}
