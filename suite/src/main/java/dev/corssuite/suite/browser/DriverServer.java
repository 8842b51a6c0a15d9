package dev.corssuite.suite.browser;

import org.openqa.selenium.remote.CommandExecutor;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.http.ClientConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A WebDriver server program (chromedriver, geckodriver, WebKitWebDriver) the suite starts itself on a free loopback
 * port, so it is owned from before it starts (a {@link ChildProcess}), with the browser it launches; Selenium's own
 * driver services start theirs where the suite's exit cleanup cannot see them.
 */
final class DriverServer implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(30);

    private final String name;
    private final ChildProcess process;
    private final URI uri;

    private DriverServer(String name, ChildProcess process, URI uri) {
        this.name = name;
        this.process = process;
        this.uri = uri;
    }

    /** Starts {@code arguments(port)} and waits until it accepts connections on that port. */
    static DriverServer start(String name, IntFunction<List<String>> arguments, Map<String, String> environment) {
        int port = freePort(name);
        ChildProcess process = ChildProcess.start(name, arguments.apply(port), environment);
        try {
            awaitListening(name, port, process);
            return new DriverServer(name, process, URI.create("http://127.0.0.1:" + port));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** What RemoteWebDriver talks to; {@code sessionStart} bounds the new-session call (the browser's start). */
    CommandExecutor executor(Duration sessionStart) {
        return new HttpCommandExecutor(ClientConfig.defaultConfig().baseUri(uri)
                .connectionTimeout(Duration.ofSeconds(10)).readTimeout(sessionStart));
    }

    /** The server's last output lines, for error messages. */
    String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return name + " on " + uri;
    }

    private static void awaitListening(String name, int port, ChildProcess process) {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BrowserUnavailableException(name + " exited at start:\n" + process.output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrowserUnavailableException("interrupted while waiting for " + name);
                }
            }
        }
        throw new BrowserUnavailableException(name + " did not listen on port " + port + " within "
                + READY.toSeconds() + " s:\n" + process.output());
    }

    // Not every driver can report a port it chose itself, so ask the kernel for a free one first.
    private static int freePort(String name) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BrowserUnavailableException("no free loopback port for " + name + ": " + e.getMessage(), e);
        }
    }
}
