package dev.corssuite.suite.verify.proxy;

import dev.corssuite.origins.HeaderLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The request line and header lines of an HTTP/1.x request, read from and written to a socket. */
record RequestHead(String method, String target, String version, List<HeaderLine> headers) {
    private static final int LIMIT = 64 * 1024;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive",
            "proxy-authorization", "te", "trailer", "upgrade");

    /** Reads a head, or returns null when the stream ends before one starts. */
    static RequestHead read(InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("malformed request line: " + requestLine);
        }
        List<HeaderLine> headers = new ArrayList<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.add(new HeaderLine(l.substring(0, colon).trim(), l.substring(colon + 1).trim()));
            }
        }
        return new RequestHead(parts[0], parts[1], parts[2], headers);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                bytes.write(b);
            }
            if (bytes.size() > LIMIT) {
                throw new IOException("header line longer than " + LIMIT + " bytes");
            }
        }
        return b < 0 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HeaderLine::value).findFirst();
    }

    /** The browser asked to close the connection after this request. */
    boolean closes() {
        return header("Connection").map(v -> v.toLowerCase(Locale.ROOT).contains("close")).orElse(false);
    }

    long contentLength() {
        return header("Content-Length").map(String::trim).map(Long::parseLong).orElse(0L);
    }

    /** Writes the head for the next hop: origin-form target, hop-by-hop headers dropped, one request per connection. */
    void writeForUpstream(OutputStream out, String originForm) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(originForm).append(" HTTP/1.1\r\n");
        for (HeaderLine h : headers) {
            if (!HOP_BY_HOP.contains(h.name().toLowerCase(Locale.ROOT))) {
                head.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
