package dev.corssuite.suite.browser;

import org.openqa.selenium.bidi.BiDi;
import org.openqa.selenium.bidi.Command;
import org.openqa.selenium.bidi.Connection;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A browser driven over WebDriver BiDi directly (no driver process): Firefox started with
 * {@code --remote-debugging-port}. Uses Selenium's BiDi client.
 */
public final class BidiSession implements BrowserSession {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final String drivenBy;
    private final Runnable afterClose;
    private final BiDi bidi;
    private final String version;
    private final BidiPage page;
    private final BidiAuthDecliner authChallenges;
    private boolean closed;

    /** Opens a BiDi session on {@code ws://host:port}; closes {@code afterClose} (the browser process) on close. */
    @SuppressWarnings("unchecked")
    public BidiSession(String name, URI webSocket, String drivenBy, Runnable afterClose) {
        this.name = name;
        this.drivenBy = drivenBy;
        this.afterClose = afterClose;
        HttpClient client = HttpClient.Factory.createDefault().createClient(ClientConfig.defaultConfig()
                .baseUri(webSocket).readTimeout(COMMAND_TIMEOUT));
        this.bidi = new BiDi(new Connection(client, webSocket.resolve("/session").toString()), COMMAND_TIMEOUT);
        Map<String, Object> session = bidi.send(new Command<>("session.new",
                Map.of("capabilities", Map.of("alwaysMatch", Map.of("acceptInsecureCerts", true))), Map.class));
        this.version = String.valueOf(((Map<String, Object>) session.get("capabilities")).get("browserVersion"));
        this.page = new BidiPage(bidi, name);
        this.authChallenges = new BidiAuthDecliner(bidi);
    }

    @Override
    public AuthChallenges authChallenges() {
        return authChallenges;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String drivenBy() {
        return drivenBy;
    }

    @Override
    public void open(String url) {
        page.navigate(url);
    }

    @Override
    public String evaluateAsync(String promiseExpression, Duration timeout) {
        return page.evaluateAsync(promiseExpression, timeout);
    }

    @Override
    public byte[] screenshot() {
        return page.screenshot();
    }

    @Override
    public void viewport(int width, int height) {
        page.viewport(width, height);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        authChallenges.close();
        try {
            bidi.send(new Command<>("browser.close", Map.of(), Map.class), Duration.ofSeconds(10));
        } catch (RuntimeException ignored) {
            // the browser may already be gone; the process is ended below either way
        } finally {
            try {
                bidi.close();
            } catch (RuntimeException ignored) {
                // connection already closed by browser.close
            }
            afterClose.run();
        }
    }
}
