package dev.corssuite.suite.verify;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * {@code verify/express/app.js} (Express + the {@code cors} npm package, versions pinned by the committed
 * package-lock.json) run by node for one scenario; it binds port 0 and prints the port. Dependencies are installed
 * once with {@code npm ci} from the npm registry into {@code suite/target/express-app} ({@link NodeApp}).
 */
public final class ExpressServer implements AutoCloseable {
    private final NodeApp app;

    public ExpressServer(String scenario) throws IOException, InterruptedException {
        app = new NodeApp("the Express app", "express", "app.js", "cors", List.of(scenario));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    @Override
    public void close() {
        app.close();
    }
}
