package dev.corssuite.suite.verify.proxy;

import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A body streamed from one connection into another, which tells a failure to read it (the sender broke off) from a
 * failure to write it on (the receiver went away): only the first is a fault of the hop the body came from.
 */
final class SourceTagged extends HttpEntityWrapper {
    static final class ReadFailed extends IOException {
        ReadFailed(IOException cause) {
            super(cause.toString(), cause);
        }
    }

    SourceTagged(HttpEntity body) {
        super(body);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        InputStream in = getContent();
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw new ReadFailed(e);
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            // what arrived goes on at once: a streamed answer must not wait for a full buffer
            out.flush();
        }
    }
}
