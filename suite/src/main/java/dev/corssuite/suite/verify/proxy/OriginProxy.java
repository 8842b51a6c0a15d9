package dev.corssuite.suite.verify.proxy;

import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;

import dev.corssuite.suite.verify.direct.TrustingTls;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward proxy on loopback for one run. {@code CONNECT} and absolute-form requests for a page authority
 * ({@code app.example.com:443}) go to the page server, over TLS with the {@link LocalCertificate} when the browser
 * tunnels; requests for the target are passed on (re-encrypted for an https target) and recorded in
 * {@link TargetTraffic}; other requests are passed on untouched. One request per client connection.
 */
public final class OriginProxy implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final int TLS_HANDSHAKE = 0x16;

    private final Set<String> pageAuthorities;
    private final Set<String> passThrough;
    private final InetSocketAddress pageServer;
    private final String targetAuthority;
    private final boolean targetTls;
    private final int upstreamTimeoutMs;
    private final SSLContext serverTls;
    private final SSLContext upstreamTls;
    private final TargetTraffic traffic = new TargetTraffic();
    private final ServerSocket server;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param pageAuthorities {@code host:port} of every origin the pages are served at (port written out)
     * @param target          the target's origin; its traffic is recorded
     * @param passThrough     {@code host:port} of other servers the browser may reach (the top page); everything
     *                        else is refused, so the browser reaches nothing outside the run
     */
    public OriginProxy(Set<String> pageAuthorities, InetSocketAddress pageServer, URI target,
                       Set<String> passThrough, LocalCertificate certificate, int upstreamTimeoutMs) {
        this.pageAuthorities = Set.copyOf(pageAuthorities);
        this.passThrough = Set.copyOf(passThrough);
        this.pageServer = pageServer;
        this.targetAuthority = authority(target.getHost(), target.getPort(), target.getScheme());
        this.targetTls = target.getScheme().equals("https");
        this.upstreamTimeoutMs = upstreamTimeoutMs;
        this.serverTls = certificate.serverContext();
        this.upstreamTls = TrustingTls.context();
        try {
            this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the origin proxy on loopback: " + e.getMessage(), e);
        }
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "origin-proxy");
            t.setDaemon(true);
            return t;
        });
        workers.execute(this::acceptLoop);
    }

    /** {@code 127.0.0.1:port}, as browsers take it in their proxy settings. */
    public String hostPort() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    public TargetTraffic traffic() {
        return traffic;
    }

    static String authority(String host, int port, String scheme) {
        return host.toLowerCase(java.util.Locale.ROOT) + ":" + (port > 0 ? port : scheme.equals("https") ? 443 : 80);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("origin proxy: accept failed: " + e.getMessage());
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(upstreamTimeoutMs + 30_000);
            client.setTcpNoDelay(true);
            // Heads are read unbuffered, byte by byte, so no bytes of a following TLS handshake are swallowed.
            InputStream raw = client.getInputStream();
            int first = raw.read();
            if (first < 0) {
                return;
            }
            if (first == TLS_HANDSHAKE) {
                // WebKitGTK speaks TLS to an https proxy itself before sending CONNECT inside.
                try (SSLSocket tls = serverTls(client, new ByteArrayInputStream(new byte[] {(byte) first}))) {
                    handle(tls, tls.getInputStream());
                }
            } else {
                handle(client, new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) first}), raw));
            }
        } catch (IOException | RuntimeException e) {
            // the browser gave up (a timeout aborts the request) or sent something that is no HTTP: nothing to answer
        } finally {
            open.remove(client);
        }
    }

    private void handle(Socket connection, InputStream in) throws IOException {
        for (RequestHead head = RequestHead.read(in); head != null; head = RequestHead.read(in)) {
            if (head.method().equals("CONNECT")) {
                tunnel(connection, in, head.target().toLowerCase(java.util.Locale.ROOT));
                return;
            }
            AbsoluteTarget target = AbsoluteTarget.parse(head.target());
            if (!forward(head, in, connection.getOutputStream(), target.authority(), target.path(), target.query())
                    || head.closes()) {
                return;
            }
        }
    }

    private SSLSocket serverTls(Socket over, InputStream consumed) throws IOException {
        SSLSocket tls = (SSLSocket) serverTls.getSocketFactory().createSocket(over, consumed, true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        return tls;
    }

    private void tunnel(Socket client, InputStream in, String authority) throws IOException {
        OutputStream out = client.getOutputStream();
        boolean intercept = pageAuthorities.contains(authority) || authority.equals(targetAuthority);
        if (!intercept && passThrough.contains(authority)) {
            blindTunnel(client, in, authority);
            return;
        }
        if (!intercept) {
            refuse(out, 403, "cors-suite proxy: " + authority + " is not part of this run");
            return;
        }
        out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String host = authority.substring(0, authority.lastIndexOf(':'));
        try (SSLSocket tls = serverTls(client, null)) {
            InputStream tlsIn = tls.getInputStream();
            for (RequestHead head = RequestHead.read(tlsIn); head != null; head = RequestHead.read(tlsIn)) {
                AbsoluteTarget target = AbsoluteTarget.parse(head.target().startsWith("/")
                        ? "https://" + host + head.target() : head.target());
                if (!forward(head, tlsIn, tls.getOutputStream(), authority, target.path(), target.query())
                        || head.closes()) {
                    return;
                }
            }
        }
    }

    /** Passes one request on and its answer back; returns whether the browser's connection may be used again. */
    private boolean forward(RequestHead head, InputStream in, OutputStream out, String authority, String path,
                            String query) throws IOException {
        boolean toPages = pageAuthorities.contains(authority);
        boolean toTarget = !toPages && authority.equals(targetAuthority);
        if (!toPages && !toTarget && !passThrough.contains(authority)) {
            refuse(out, 403, "cors-suite proxy: " + authority + " is not part of this run");
            return false;
        }
        if (toTarget) {
            String id = TargetTraffic.idIn(query);
            if (id != null) {
                boolean preflight = head.method().equals("OPTIONS")
                        && head.header("Access-Control-Request-Method").isPresent();
                traffic.record(new RecordedRequest(id, null, preflight ? RequestKind.PREFLIGHT : RequestKind.ACTUAL,
                        head.method(), path, query, head.headers(), Clock.systemUTC().instant()));
            }
        }
        Socket upstream;
        try {
            upstream = connect(toPages ? pageServer : address(authority), toTarget && targetTls, authority);
        } catch (IOException e) {
            refuse(out, 502, "cors-suite proxy: cannot reach " + authority + ": " + e.getMessage());
            return false;
        }
        open.add(upstream);
        try (upstream) {
            upstream.setSoTimeout(upstreamTimeoutMs);
            upstream.setTcpNoDelay(true);
            OutputStream up = new java.io.BufferedOutputStream(upstream.getOutputStream());
            head.writeForUpstream(up, (path == null || path.isEmpty() ? "/" : path)
                    + (query == null ? "" : "?" + query));
            ResponseCopy.copyExactly(in, up, head.contentLength());
            up.flush();
            String id = toTarget ? TargetTraffic.idIn(query) : null;
            return ResponseCopy.copy(upstream.getInputStream(), out, head.method(),
                    status -> traffic.answered(id, status));
        } finally {
            open.remove(upstream);
        }
    }

    private static void refuse(OutputStream out, int status, String body) throws IOException {
        out.write(("HTTP/1.1 " + status + (status == 403 ? " Forbidden" : " Bad Gateway")
                + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                + body).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private Socket connect(InetSocketAddress address, boolean tls, String authority) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, CONNECT_TIMEOUT_MS);
        if (!tls) {
            return socket;
        }
        String host = authority.substring(0, authority.lastIndexOf(':'));
        SSLSocket secure = (SSLSocket) upstreamTls.getSocketFactory().createSocket(socket, host, address.getPort(),
                true);
        secure.startHandshake();
        return secure;
    }

    private static InetSocketAddress address(String authority) {
        int colon = authority.lastIndexOf(':');
        return new InetSocketAddress(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)));
    }

    private void blindTunnel(Socket client, InputStream in, String authority) throws IOException {
        Socket upstream = new Socket();
        try {
            upstream.connect(address(authority), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            upstream.close();
            client.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        open.add(upstream);
        try (upstream) {
            client.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.getOutputStream().flush();
            var back = workers.submit(() -> {
                upstream.getInputStream().transferTo(client.getOutputStream());
                return null;
            });
            in.transferTo(upstream.getOutputStream());
            back.cancel(true);
        } finally {
            open.remove(upstream);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        workers.shutdownNow();
    }
}
