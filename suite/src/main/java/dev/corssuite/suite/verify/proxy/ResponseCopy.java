package dev.corssuite.suite.verify.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Copies one HTTP/1.1 response from the next hop (asked with {@code Connection: close}) to the browser, framed so
 * the browser's connection can carry its next request: by Content-Length, by chunks, or, for a body that only ends
 * when the server closes, by closing. Saves a connection and a TLS handshake per request.
 */
final class ResponseCopy {
    private static final int LIMIT = 64 * 1024;

    private ResponseCopy() {
    }

    /** Returns whether the browser's connection may be used again. */
    static boolean copy(InputStream from, OutputStream to, String requestMethod) throws IOException {
        return copy(from, to, requestMethod, status -> { });
    }

    /** As {@link #copy(InputStream, OutputStream, String)}, telling {@code onStatus} the answer's status first. */
    static boolean copy(InputStream from, OutputStream to, String requestMethod, java.util.function.IntConsumer onStatus)
            throws IOException {
        String statusLine = line(from);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = parts.length >= 2 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
        onStatus.accept(status);
        StringBuilder head = new StringBuilder(statusLine).append("\r\n");
        long length = -1;
        boolean chunked = false;
        for (String l = line(from); l != null && !l.isEmpty(); l = line(from)) {
            int colon = l.indexOf(':');
            String name = colon > 0 ? l.substring(0, colon).trim().toLowerCase(Locale.ROOT) : "";
            String value = colon > 0 ? l.substring(colon + 1).trim() : "";
            if (name.equals("connection") || name.equals("keep-alive") || name.equals("proxy-connection")) {
                continue;
            }
            if (name.equals("content-length") && value.matches("\\d+")) {
                length = Long.parseLong(value);
            }
            if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
            head.append(l).append("\r\n");
        }
        boolean noBody = requestMethod.equals("HEAD") || status == 204 || status == 304
                || (status >= 100 && status < 200);
        boolean framed = status >= 200 && (noBody || chunked || length >= 0);
        head.append(framed ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n");
        to.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (noBody) {
            to.flush();
            return framed;
        }
        if (chunked) {
            copyChunks(from, to);
        } else if (length >= 0) {
            copyExactly(from, to, length);
        } else {
            from.transferTo(to);
        }
        to.flush();
        return framed;
    }

    private static void copyChunks(InputStream from, OutputStream to) throws IOException {
        while (true) {
            String sizeLine = line(from);
            if (sizeLine == null) {
                throw new IOException("chunked body ended early");
            }
            to.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                for (String trailer = line(from); trailer != null; trailer = line(from)) {
                    to.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    if (trailer.isEmpty()) {
                        return;
                    }
                }
                return;
            }
            copyExactly(from, to, size);
            String end = line(from);
            to.write(((end == null ? "" : end) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    static void copyExactly(InputStream from, OutputStream to, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = from.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("body ended " + left + " bytes early");
            }
            to.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
            if (bytes.size() > LIMIT) {
                throw new IOException("header line longer than " + LIMIT + " bytes");
            }
        }
        return b < 0 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
