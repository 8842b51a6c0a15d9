package dev.corssuite.suite.verify.direct;

import dev.corssuite.origins.HeaderLine;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends requests to the target without a browser, with the headers a browser would send ({@code Origin},
 * {@code Access-Control-Request-*}), and returns the raw answers. The target's certificate is not checked here:
 * {@link TargetCheck} reports an untrusted one once.
 */
public final class DirectProbe {
    static final String REFUSED = "connection refused";
    static final String NO_ANSWER = "the server accepted the connection but sent no answer";
    static final String NO_CONNECTION = "no connection within";
    static final String NOT_HTTP = "the answer is not http";
    private final URI target;
    private final Duration timeout;
    private final HttpClient client;

    public DirectProbe(URI target, long timeoutMs) {
        this(target, timeoutMs, TrustingTls.context());
    }

    DirectProbe(URI target, long timeoutMs, SSLContext tls) {
        this.target = target;
        this.timeout = Duration.ofMillis(timeoutMs);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** The URL of a path on the target (the target's own path prefix, if any, is kept). */
    public URI url(String pathAndQuery) {
        String base = target.toString().replaceAll("/+$", "");
        return URI.create(base + pathAndQuery);
    }

    /** A CORS preflight as a browser sends it: OPTIONS, Origin, Access-Control-Request-Method/-Headers. */
    public RawAnswer preflight(String pathAndQuery, String origin, String method, String requestHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(pathAndQuery)).timeout(timeout)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method).header("Accept", "*/*");
        if (requestHeaders != null && !requestHeaders.isEmpty()) {
            request.header("Access-Control-Request-Headers", requestHeaders);
        }
        return send("OPTIONS", request.build());
    }

    /** The request itself, with Origin and the script's headers. */
    public RawAnswer actual(String pathAndQuery, String origin, String method, List<HeaderLine> headers,
                            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(pathAndQuery)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        headers.forEach(h -> request.header(h.name(), h.value()));
        return send(method, request.build());
    }

    /**
     * A WebSocket opening handshake with {@code Origin}, as every browser sends it from any page (so a hostile Origin
     * here is a request browsers do send): 101 when the server opens the connection (the JDK's WebSocket client
     * checks the handshake and keeps the 101's headers to itself), otherwise the refusal's status and headers.
     */
    public RawAnswer handshake(String pathAndQuery, String origin) {
        URI url = URI.create(url(pathAndQuery).toString().replaceFirst("^http", "ws"));
        long started = System.nanoTime();
        try {
            java.net.http.WebSocket socket = client.newWebSocketBuilder().header("Origin", origin)
                    .connectTimeout(timeout).buildAsync(url, new java.net.http.WebSocket.Listener() { })
                    .get(timeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
            socket.abort();
            return new RawAnswer("GET", 101, List.of(), null, millisSince(started));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                HttpResponse<?> response = refused.getResponse();
                return new RawAnswer("GET", response.statusCode(), lines(response), null, millisSince(started));
            }
            IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            return RawAnswer.failed("GET", describe(cause, timeout), millisSince(started));
        } catch (java.util.concurrent.TimeoutException e) {
            return RawAnswer.failed("GET", NO_ANSWER + " within " + timeout.toMillis() + " ms",
                    millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RawAnswer.failed("GET", "interrupted", millisSince(started));
        }
    }

    private static List<HeaderLine> lines(HttpResponse<?> response) {
        List<HeaderLine> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            e.getValue().forEach(v -> lines.add(new HeaderLine(e.getKey(), v)));
        }
        return lines;
    }

    private RawAnswer send(String method, HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new RawAnswer(method, response.statusCode(), lines(response), null, millisSince(started));
        } catch (IOException e) {
            return RawAnswer.failed(method, describe(e, timeout), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RawAnswer.failed(method, "interrupted", millisSince(started));
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** One line saying what went wrong, in words a user acts on. */
    static String describe(IOException e, Duration timeout) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return NO_CONNECTION + " " + timeout.toMillis() + " ms (is a firewall dropping packets?)";
        }
        if (e instanceof HttpTimeoutException) {
            return NO_ANSWER + " within " + timeout.toMillis() + " ms";
        }
        if (e instanceof ConnectException || root instanceof ConnectException) {
            return REFUSED + ": nothing listens there";
        }
        if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
            return "the host name does not resolve";
        }
        if (e instanceof SSLHandshakeException || root instanceof javax.net.ssl.SSLException) {
            return "TLS failure: " + root.getMessage();
        }
        String message = e.getMessage() == null ? root.toString() : e.getMessage();
        if (message.contains("status line") || message.contains("header parser") || message.contains("EOF")
                || e instanceof java.net.ProtocolException || message.contains("closed")) {
            return "the answer is not HTTP: " + message;
        }
        return message;
    }
}
