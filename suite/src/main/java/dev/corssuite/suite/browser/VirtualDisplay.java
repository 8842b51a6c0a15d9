package dev.corssuite.suite.browser;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An X display for browsers without a headless mode (WebKit's MiniBrowser): the user's {@code DISPLAY} when set,
 * else an Xvfb the suite starts (it picks a free display number itself) and stops on close.
 */
final class VirtualDisplay implements AutoCloseable {
    static final String INSTALL = "sudo apt-get install xvfb";

    private final String display;
    private final ChildProcess xvfb;

    private VirtualDisplay(String display, ChildProcess xvfb) {
        this.display = display;
        this.xvfb = xvfb;
    }

    static Optional<String> missing() {
        if (System.getenv("DISPLAY") != null || Executables.find(List.of("Xvfb")).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("no X display and no Xvfb: install it: " + INSTALL);
    }

    static VirtualDisplay open() {
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isBlank()) {
            return new VirtualDisplay(existing, null);
        }
        var binary = Executables.find(List.of("Xvfb")).orElseThrow(() -> new BrowserUnavailableException(
                "WebKit's MiniBrowser needs an X display; DISPLAY is not set and Xvfb is not installed. Install it: "
                        + INSTALL));
        ChildProcess xvfb = ChildProcess.start("Xvfb", List.of(binary.toString(), "-displayfd", "1", "-screen", "0",
                "1280x1024x24", "-nolisten", "tcp", "-nolisten", "unix"));
        try {
            String number = xvfb.awaitLine(line -> line.trim().matches("\\d+"), Duration.ofSeconds(15)).trim();
            return new VirtualDisplay(":" + number, xvfb);
        } catch (RuntimeException e) {
            xvfb.close();
            throw e;
        }
    }

    String display() {
        return display;
    }

    @Override
    public void close() {
        if (xvfb != null) {
            xvfb.close();
        }
    }
}
