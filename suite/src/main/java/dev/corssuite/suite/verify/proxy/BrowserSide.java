package dev.corssuite.suite.verify.proxy;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequestFactory;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestParserFactory;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The proxy's end of a browser connection, and the few answers the proxy gives itself. */
final class BrowserSide {
    /** Keeps the request target as sent: {@link URI} drops hosts such as {@code app.example.com_.evil.test}. */
    private static final HttpRequestFactory<ClassicHttpRequest> RAW_TARGET = new HttpRequestFactory<>() {
        @Override
        public ClassicHttpRequest newHttpRequest(String method, String target) {
            return new BasicClassicHttpRequest(method, null, null, target);
        }

        @Override
        public ClassicHttpRequest newHttpRequest(String method, URI target) {
            return new BasicClassicHttpRequest(method, target);
        }
    };

    private BrowserSide() {
    }

    static DefaultBHttpServerConnection bind(Socket socket, String scheme) throws IOException {
        DefaultBHttpServerConnection connection = new DefaultBHttpServerConnection(scheme, Http1Config.DEFAULT, null,
                null, null, null, new DefaultHttpRequestParserFactory(Http1Config.DEFAULT, null, RAW_TARGET), null);
        connection.bind(socket);
        return connection;
    }

    /** A plain connection whose first bytes ({@code alreadyRead}) were read to tell it from a TLS one. */
    static DefaultBHttpServerConnection bind(Socket socket, String scheme, byte[] alreadyRead) throws IOException {
        Prefixed connection = new Prefixed(scheme);
        connection.bind(socket, alreadyRead);
        return connection;
    }

    private static final class Prefixed extends DefaultBHttpServerConnection {
        Prefixed(String scheme) {
            super(scheme, Http1Config.DEFAULT, null, null, null, null,
                    new DefaultHttpRequestParserFactory(Http1Config.DEFAULT, null, RAW_TARGET), null);
        }

        void bind(Socket socket, byte[] alreadyRead) throws IOException {
            bind(new SocketHolder(socket) {
                @Override
                protected InputStream getInputStream(Socket s) throws IOException {
                    return new SequenceInputStream(new ByteArrayInputStream(alreadyRead), s.getInputStream());
                }
            });
        }
    }

    static void established(DefaultBHttpServerConnection browser) throws IOException {
        send(browser, new BasicClassicHttpResponse(200, "Connection Established"));
    }

    /** Answers with a short text and closes: 403 for hosts outside the run, 400/502 for what cannot be passed on. */
    static void answer(DefaultBHttpServerConnection browser, int status, String text) throws IOException {
        byte[] body = ("cors-suite proxy: " + text).getBytes(StandardCharsets.UTF_8);
        ClassicHttpResponse answer = new BasicClassicHttpResponse(status);
        answer.addHeader("Content-Type", "text/plain; charset=utf-8");
        answer.addHeader("Content-Length", Integer.toString(body.length));
        answer.addHeader("Connection", "close");
        answer.setEntity(new ByteArrayEntity(body, null));
        send(browser, answer);
    }

    private static void send(DefaultBHttpServerConnection browser, ClassicHttpResponse answer) throws IOException {
        try {
            browser.sendResponseHeader(answer);
            if (answer.getEntity() != null) {
                browser.sendResponseEntity(answer);
            }
            browser.flush();
        } catch (HttpException e) {
            throw new IOException(e);
        }
    }
}
