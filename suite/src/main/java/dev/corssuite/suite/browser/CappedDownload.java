package dev.corssuite.suite.browser;

import io.github.bonigarcia.wdm.WebDriverManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * WebDriverManager for users who are online: only after a quick reachability check, never past a hard time cap
 * (its own timeouts are connect-only, so a silent network can hold it for minutes). Off with {@code cors.offline=true}.
 */
final class CappedDownload {
    private static final Duration PROBE = Duration.ofSeconds(2);
    private static final Duration CAP = Duration.ofSeconds(90);

    private CappedDownload() {
    }

    /** The downloaded driver, or empty with the reason in {@code why}. */
    static Optional<Path> driver(String host, Supplier<WebDriverManager> manager, StringBuilder why) {
        if (Settings.get("cors.offline").map(Boolean::parseBoolean).orElse(false)) {
            why.append("download skipped (cors.offline=true)");
            return Optional.empty();
        }
        if (!reachable(host)) {
            why.append("download skipped: ").append(host).append(" is not reachable within ").append(PROBE.toSeconds())
                    .append(" s");
            return Optional.empty();
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "driver-download");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Path> download = executor.submit(() -> {
                WebDriverManager wdm = manager.get();
                wdm.setup();
                return Path.of(wdm.getDownloadedDriverPath());
            });
            return Optional.of(download.get(CAP.toSeconds(), TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            why.append("download gave up after ").append(CAP.toSeconds()).append(" s");
            return Optional.empty();
        } catch (Exception e) {
            why.append("download failed: ").append(e.getMessage());
            return Optional.empty();
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean reachable(String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 443), (int) PROBE.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
