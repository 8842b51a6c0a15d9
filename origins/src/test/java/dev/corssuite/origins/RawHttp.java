package dev.corssuite.origins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Sends a request exactly as written and returns the response head as bytes: no client normalises either side. */
final class RawHttp {
    private RawHttp() {
    }

    static String exchange(String origin, String requestHead) throws IOException {
        URI uri = URI.create(origin);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                byte[] soFar = head.toByteArray();
                int n = soFar.length;
                if (n >= 4 && soFar[n - 4] == '\r' && soFar[n - 3] == '\n' && soFar[n - 2] == '\r' && soFar[n - 1] == '\n') {
                    break;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
