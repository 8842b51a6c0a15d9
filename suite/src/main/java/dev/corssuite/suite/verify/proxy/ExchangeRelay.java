package dev.corssuite.suite.verify.proxy;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Passes one request from the browser's connection to a fresh connection to the next hop, and the answer back:
 * method, headers (names, values and order as sent) and body unchanged, hop-by-hop headers aside. The body goes up
 * while answers come down, so {@code Expect: 100-continue} and other 1xx answers reach the browser as they come.
 * A target that does not answer in time is its own behaviour (the browser times out as well), not a fault.
 */
final class ExchangeRelay {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive",
            "proxy-authorization", "te", "trailer", "upgrade");
    private static final Set<String> HOP_BY_HOP_ANSWER = Set.of("connection", "proxy-connection", "keep-alive");

    private final ExecutorService workers;

    ExchangeRelay(ExecutorService workers) {
        this.workers = workers;
    }

    /**
     * Returns whether the browser's connection may carry its next request; {@code onStatus} hears the final status.
     * A WebSocket handshake goes on with its {@code Upgrade}; after a 101 both connections carry the socket's frames
     * ({@link UpgradedTunnel}) until it closes.
     */
    boolean relay(ClassicHttpRequest request, String originForm, DefaultBHttpServerConnection browser,
                  Socket browserSocket, Socket upstream, IntConsumer onStatus) throws ProxyFault, IOException {
        boolean upgrade = webSocketHandshake(request);
        DefaultBHttpClientConnection next = new DefaultBHttpClientConnection(Http1Config.DEFAULT);
        next.bind(upstream);
        ClassicHttpRequest onward = new BasicClassicHttpRequest(request.getMethod(), null, null, originForm);
        onward.setVersion(HttpVersion.HTTP_1_1);
        for (Header h : request.getHeaders()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) || (upgrade && name.equals("upgrade"))) {
                onward.addHeader(h);
            }
        }
        // one request per upstream connection, so each request meets the server on its own
        onward.addHeader("Connection", upgrade ? "Upgrade" : "close");
        if (request.getEntity() != null) {
            onward.setEntity(new SourceTagged(request.getEntity()));
        }
        try {
            next.sendRequestHeader(onward);
            next.flush();
        } catch (HttpException | IOException e) {
            throw new ProxyFault("cannot send the request to the next hop: " + e);
        }
        AtomicReference<String> uploadBroke = new AtomicReference<>();
        Future<?> upload = onward.getEntity() == null ? CompletableFuture.completedFuture(null)
                : workers.submit(() -> upload(next, onward, upstream, uploadBroke));
        ClassicHttpResponse answer = finalAnswer(next, browser, uploadBroke, upgrade);
        if (answer == null) {
            return false;
        }
        String method = request.getMethod();
        int status = answer.getCode();
        onStatus.accept(status);
        if (status == 101) {
            switchProtocols(next, answer, browser, browserSocket, upstream);
            return false;
        }
        boolean bodyAllowed = !method.equals("HEAD") && status != 204 && status != 304;
        if (bodyAllowed) {
            try {
                next.receiveResponseEntity(answer);
            } catch (HttpException e) {
                throw new ProxyFault("the next hop's answer has broken framing: " + e.getMessage());
            }
        }
        HttpEntity body = answer.getEntity();
        for (String name : HOP_BY_HOP_ANSWER) {
            answer.removeHeaders(name);
        }
        boolean framed = body == null || body.isChunked() || body.getContentLength() >= 0;
        // a body the next hop did not take whole may still be arriving: the connection cannot carry another request
        boolean reuse = framed && upload.isDone() && uploadBroke.get() == null && !closes(request);
        if (!reuse) {
            answer.addHeader("Connection", "close");
        }
        if (body != null) {
            answer.setEntity(new SourceTagged(body));
        }
        try {
            browser.sendResponseHeader(answer);
            if (body != null) {
                browser.sendResponseEntity(answer);
            }
            browser.flush();
        } catch (SourceTagged.ReadFailed e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                return false;
            }
            throw new ProxyFault("the next hop's answer broke off after its head: " + e.getMessage(), true);
        } catch (HttpException e) {
            throw new ProxyFault("cannot pass the answer on: " + e.getMessage(), true);
        }
        return reuse;
    }

    private static Void upload(DefaultBHttpClientConnection next, ClassicHttpRequest onward, Socket upstream,
                               AtomicReference<String> broke) throws IOException, HttpException {
        try {
            next.sendRequestEntity(onward);
            next.flush();
        } catch (SourceTagged.ReadFailed e) {
            // the browser's body broke off: no answer to it can be right, stop waiting for one
            broke.set("the browser's request body broke off: " + e.getMessage());
            upstream.close();
            throw e;
        } catch (IOException e) {
            broke.set("the next hop did not take the whole request body: " + e);
            throw e;
        }
        return null;
    }

    /** Passes the 101 on, then the frames both ways until the socket closes. */
    private void switchProtocols(DefaultBHttpClientConnection next, ClassicHttpResponse answer,
                                 DefaultBHttpServerConnection browser, Socket browserSocket, Socket upstream)
            throws ProxyFault, IOException {
        java.io.InputStream fromTarget;
        try {
            // no length: HttpCore reads the rest of the connection, starting with what it buffered past the head
            next.receiveResponseEntity(answer);
            fromTarget = answer.getEntity().getContent();
            answer.setEntity(null);
            browser.sendResponseHeader(answer);
        } catch (HttpException e) {
            throw new ProxyFault("cannot pass the 101 on: " + e.getMessage());
        }
        browser.flush();
        UpgradedTunnel.run(browserSocket, fromTarget, upstream, workers);
    }

    /** A WebSocket opening handshake: a GET with {@code Upgrade: websocket} and {@code Connection: Upgrade}. */
    private static boolean webSocketHandshake(ClassicHttpRequest request) {
        Header upgrade = request.getFirstHeader("Upgrade");
        Header connection = request.getFirstHeader("Connection");
        return request.getMethod().equals("GET") && upgrade != null
                && upgrade.getValue().trim().equalsIgnoreCase("websocket") && connection != null
                && connection.getValue().toLowerCase(Locale.ROOT).contains("upgrade");
    }

    /** Relays 1xx answers and returns the final answer's head, or null when the next hop does not answer in time. */
    private static ClassicHttpResponse finalAnswer(DefaultBHttpClientConnection next,
                                                   DefaultBHttpServerConnection browser,
                                                   AtomicReference<String> uploadBroke, boolean upgrade)
            throws ProxyFault, IOException {
        while (true) {
            ClassicHttpResponse answer;
            try {
                answer = next.receiveResponseHeader();
            } catch (SocketTimeoutException e) {
                return null;
            } catch (HttpException | IOException e) {
                String broke = uploadBroke.get();
                throw new ProxyFault(broke != null ? broke : "the next hop sent no complete answer: " + e);
            }
            if (answer.getCode() >= 200 || (upgrade && answer.getCode() == 101)) {
                return answer;
            }
            if (answer.getCode() == 101) {
                throw new ProxyFault("the next hop switched protocols (101) on a request sent without Upgrade");
            }
            try {
                browser.sendResponseHeader(answer);
            } catch (HttpException e) {
                throw new ProxyFault("cannot pass a " + answer.getCode() + " answer on: " + e.getMessage());
            }
            browser.flush();
        }
    }

    private static boolean closes(ClassicHttpRequest request) {
        Header connection = request.getFirstHeader("Connection");
        return connection != null && connection.getValue().toLowerCase(Locale.ROOT).contains("close");
    }
}
