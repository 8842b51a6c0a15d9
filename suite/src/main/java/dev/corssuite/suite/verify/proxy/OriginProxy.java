package dev.corssuite.suite.verify.proxy;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import dev.corssuite.suite.verify.direct.TrustingTls;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward proxy on loopback for one run. {@code CONNECT} and absolute-form requests for a page authority
 * ({@code app.example.com:443}) go to the page server, over TLS with the {@link LocalCertificate} when the browser
 * tunnels; requests for the target are passed on (re-encrypted for an https target) and recorded in
 * {@link TargetTraffic}; other requests are passed on untouched. Browser connections are kept alive; each request
 * gets its own connection to the next hop. HTTP/1.1 parsing and framing are Apache HttpCore's; whatever the proxy
 * cannot pass on faithfully is recorded as a fault of that request ({@link TargetTraffic#faults}), never left for the
 * browser to report as the server's doing.
 */
public final class OriginProxy implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final Set<String> pageAuthorities;
    private final Set<String> passThrough;
    private final InetSocketAddress pageServer;
    private final String targetAuthority;
    private final boolean targetTls;
    private final int upstreamTimeoutMs;
    private final SSLContext serverTls;
    private final SSLContext upstreamTls;
    private final TargetTraffic traffic = new TargetTraffic();
    private final ExchangeRelay relay;
    private final ServerSocket server;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param pageAuthorities {@code host:port} of every origin the pages are served at (port written out)
     * @param target          the target's origin; its traffic is recorded
     * @param passThrough     {@code host:port} of other http servers the browser may reach (the top page); everything
     *                        else is refused, so the browser reaches nothing outside the run
     */
    public OriginProxy(Set<String> pageAuthorities, InetSocketAddress pageServer, URI target,
                       Set<String> passThrough, LocalCertificate certificate, int upstreamTimeoutMs) {
        this(pageAuthorities, pageServer, target, passThrough, certificate, upstreamTimeoutMs,
                InetAddress.getLoopbackAddress());
    }

    /**
     * The same, listening on {@code bind} (e.g. every interface, for browsers on a Selenium Grid's nodes); it still
     * passes on nothing outside the run.
     */
    public OriginProxy(Set<String> pageAuthorities, InetSocketAddress pageServer, URI target,
                       Set<String> passThrough, LocalCertificate certificate, int upstreamTimeoutMs,
                       InetAddress bind) {
        this.pageAuthorities = Set.copyOf(pageAuthorities);
        this.passThrough = Set.copyOf(passThrough);
        this.pageServer = pageServer;
        this.targetAuthority = authority(target.getHost(), target.getPort(), target.getScheme());
        this.targetTls = target.getScheme().equals("https");
        this.upstreamTimeoutMs = upstreamTimeoutMs;
        this.serverTls = certificate.serverContext();
        this.upstreamTls = TrustingTls.context();
        try {
            this.server = new ServerSocket(0, 128, bind);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the origin proxy on " + bind.getHostAddress() + ": "
                    + e.getMessage(), e);
        }
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "origin-proxy");
            t.setDaemon(true);
            return t;
        });
        this.relay = new ExchangeRelay(workers);
        workers.execute(this::acceptLoop);
    }

    /** {@code 127.0.0.1:port}, as browsers take it in their proxy settings. */
    public String hostPort() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    public TargetTraffic traffic() {
        return traffic;
    }

    static String authority(String host, int port, String scheme) {
        return host.toLowerCase(Locale.ROOT) + ":" + (port > 0 ? port : scheme.equals("https") ? 443 : 80);
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
            serveRequests(BrowserSide.bind(client, "http"), client, null, "http");
        } catch (IOException e) {
            // the browser closed or aborted the connection (a timeout aborts the request): nothing to answer
        } catch (RuntimeException e) {
            traffic.fault(null, "proxy error: " + e);
        } finally {
            open.remove(client);
        }
    }

    /**
     * Serves requests on one browser connection, in a tunnel to {@code tunnel} when that is not null ({@code scheme}
     * https: TLS ended here; http: a plain WebSocket tunnelled with CONNECT).
     */
    private void serveRequests(DefaultBHttpServerConnection browser, Socket socket, String tunnel, String scheme)
            throws IOException {
        while (true) {
            ClassicHttpRequest request;
            AbsoluteTarget target;
            try {
                request = browser.receiveRequestHeader();
                if (request == null) {
                    return;
                }
                String raw = request.getPath();
                if (tunnel == null && request.getMethod().equals("CONNECT")) {
                    tunnel(browser, socket, raw.toLowerCase(Locale.ROOT));
                    return;
                }
                target = AbsoluteTarget.parse(tunnel != null && raw.startsWith("/")
                        ? scheme + "://" + tunnel + raw : raw);
            } catch (HttpException | AbsoluteTarget.NotAbsolute e) {
                traffic.fault(null, "malformed request from the browser: " + e.getMessage());
                BrowserSide.answer(browser, 400, e.getMessage());
                return;
            }
            if (!forward(browser, socket, request, tunnel != null ? tunnel : target.authority(), target)) {
                return;
            }
        }
    }

    private SSLSocket serverTls(Socket over, java.io.InputStream consumed) throws IOException {
        SSLSocket tls = (SSLSocket) serverTls.getSocketFactory().createSocket(over, consumed, true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        return tls;
    }

    private void tunnel(DefaultBHttpServerConnection browser, Socket client, String authority) throws IOException {
        // the pass-through servers are http (the top page), so no browser tunnels to them
        if (!pageAuthorities.contains(authority) && !authority.equals(targetAuthority)) {
            BrowserSide.answer(browser, 403, authority + " is not part of this run");
            return;
        }
        BrowserSide.established(browser);
        int first = client.getInputStream().read();
        if (first < 0) {
            return;
        }
        byte[] consumed = {(byte) first};
        // Chromium and Firefox tunnel a ws:// WebSocket with CONNECT too; anything but a TLS record (0x16) is plain HTTP
        if (first != 0x16) {
            serveRequests(BrowserSide.bind(client, "http", consumed), client, authority, "http");
            return;
        }
        SSLSocket tls;
        try {
            tls = serverTls(client, new java.io.ByteArrayInputStream(consumed));
        } catch (IOException e) {
            if (!(rootCause(e) instanceof java.io.EOFException)) {
                // an https page or target the browser could not reach: its requests never left the browser
                traffic.fault(null, "TLS handshake with the browser for " + authority + " failed: " + e.getMessage());
            }
            return;
        }
        try (tls) {
            serveRequests(BrowserSide.bind(tls, "https"), tls, authority, "https");
        }
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }

    /** Passes one request on and its answer back; returns whether the browser's connection may be used again. */
    private boolean forward(DefaultBHttpServerConnection browser, Socket browserSocket, ClassicHttpRequest request,
                            String authority, AbsoluteTarget target) throws IOException {
        boolean toPages = pageAuthorities.contains(authority);
        boolean toTarget = !toPages && authority.equals(targetAuthority);
        if (!toPages && !toTarget && !passThrough.contains(authority)) {
            BrowserSide.answer(browser, 403, authority + " is not part of this run");
            return false;
        }
        String id = toTarget ? TargetTraffic.idIn(target.query()) : null;
        if (id != null) {
            boolean preflight = request.getMethod().equals("OPTIONS")
                    && request.containsHeader("Access-Control-Request-Method");
            traffic.record(new RecordedRequest(id, null, preflight ? RequestKind.PREFLIGHT : RequestKind.ACTUAL,
                    request.getMethod(), target.path(), target.query(), Arrays.stream(request.getHeaders())
                    .map(h -> new HeaderLine(h.getName(), h.getValue())).toList(), Clock.systemUTC().instant()));
        }
        try {
            browser.receiveRequestEntity(request);
            Socket upstream;
            try {
                upstream = connect(toPages ? pageServer : address(authority), toTarget && targetTls, authority);
            } catch (IOException e) {
                throw new ProxyFault("cannot reach " + authority + ": " + e.getMessage());
            }
            open.add(upstream);
            try (upstream) {
                return relay.relay(request, target.path() + (target.query() == null ? "" : "?" + target.query()),
                        browser, browserSocket, upstream, status -> traffic.answered(id, status));
            } finally {
                open.remove(upstream);
            }
        } catch (HttpException e) {
            return failed(browser, id, new ProxyFault("malformed request body framing: " + e.getMessage()));
        } catch (ProxyFault e) {
            return failed(browser, id, e);
        } catch (RuntimeException e) {
            return failed(browser, id, new ProxyFault("proxy error: " + e, true));
        }
    }

    private boolean failed(DefaultBHttpServerConnection browser, String id, ProxyFault fault) throws IOException {
        traffic.fault(id, fault.getMessage());
        if (!fault.answerStarted()) {
            BrowserSide.answer(browser, 502, fault.getMessage());
        }
        return false;
    }

    private Socket connect(InetSocketAddress address, boolean tls, String authority) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(upstreamTimeoutMs);
            socket.connect(address, CONNECT_TIMEOUT_MS);
            if (!tls) {
                return socket;
            }
            String host = authority.substring(0, authority.lastIndexOf(':'));
            SSLSocket secure = (SSLSocket) upstreamTls.getSocketFactory().createSocket(socket, host,
                    address.getPort(), true);
            secure.startHandshake();
            return secure;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static InetSocketAddress address(String authority) {
        int colon = authority.lastIndexOf(':');
        return new InetSocketAddress(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)));
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
