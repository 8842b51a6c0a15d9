package dev.corssuite.suite.browser;

import org.openqa.selenium.Capabilities;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WebKit (Safari's engine) as WebKitGTK's MiniBrowser under {@code WebKitWebDriver}, through RemoteWebDriver. The
 * MiniBrowser has no headless mode, so it runs on a {@link VirtualDisplay}.
 */
public final class WebKitEngine implements Engine {
    static final String DRIVER_SETTING = "cors.webkitdriver";
    static final String BINARY_SETTING = "cors.webkit.binary";
    private static final String INSTALL = "sudo apt-get install webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb";
    /**
     * WebKitWebDriver 2.50 refuses {@code webSocketUrl} (no WebDriver BiDi) and its automation session has no command
     * for the HTTP authentication dialog (the user-prompt commands see JavaScript dialogs only): WebKitGTK shows the
     * dialog inside the view (Source/WebKit/UIProcess/API/gtk/WebKitWebViewGtk.cpp, webkitWebViewAuthenticate).
     */
    static final AuthChallenges UNANSWERABLE = AuthChallenges.unanswerable("WebKitWebDriver has no WebDriver BiDi "
            + "and no command for WebKitGTK's authentication dialog; a request the engine prompts for ends at the "
            + "probe page's per-case timeout");

    @Override
    public String name() {
        return "webkit";
    }

    @Override
    public Optional<String> missing() {
        if (driver().isEmpty()) {
            return Optional.of("WebKit is not installed: no WebKitWebDriver on PATH. Install it: " + INSTALL);
        }
        if (miniBrowser().isEmpty()) {
            return Optional.of("WebKit's MiniBrowser is not installed. Install it: " + INSTALL + ", or set "
                    + Settings.howToSet(BINARY_SETTING, "/path/to/MiniBrowser"));
        }
        return VirtualDisplay.missing().map(why -> "WebKit cannot run: " + why);
    }

    /** On a Grid the node knows where its MiniBrowser is; only the automation flag is asked for. */
    @Override
    public Capabilities gridCapabilities() {
        return capabilities(Map.of("args", List.of("--automation")));
    }

    @Override
    public Capabilities gridCapabilities(SessionProxy proxy) {
        MutableCapabilities capabilities = capabilities(Map.of("args", arguments(proxy)));
        capabilities.setCapability("acceptInsecureCerts", true);
        return capabilities;
    }

    private static List<String> arguments(SessionProxy proxy) {
        List<String> args = new java.util.ArrayList<>(List.of("--automation"));
        if (proxy != null) {
            // MiniBrowser's own options: WebKitWebDriver's sslProxy makes it speak TLS to the proxy itself.
            args.add("--proxy=http://" + proxy.hostPort());
            args.add("--ignore-tls-errors");
        }
        return args;
    }

    private static MutableCapabilities capabilities(Map<String, Object> browserOptions) {
        MutableCapabilities capabilities = new MutableCapabilities();
        capabilities.setCapability("browserName", "MiniBrowser");
        capabilities.setCapability("webkitgtk:browserOptions", browserOptions);
        return capabilities;
    }

    @Override
    public BrowserSession start() {
        return start(null);
    }

    @Override
    public BrowserSession start(SessionProxy proxy) {
        missing().ifPresent(why -> {
            throw new BrowserUnavailableException(why);
        });
        Path driver = driver().orElseThrow();
        Path miniBrowser = miniBrowser().orElseThrow();
        VirtualDisplay display = VirtualDisplay.open();
        DriverServer webDriver;
        try {
            webDriver = DriverServer.start("WebKitWebDriver",
                    port -> List.of(driver.toString(), "--port=" + port, "--host=127.0.0.1"),
                    Map.of("DISPLAY", display.display()));
        } catch (RuntimeException e) {
            display.close();
            throw e;
        }
        Runnable stop = () -> {
            webDriver.close();
            display.close();
        };
        try {
            MutableCapabilities capabilities = capabilities(Map.of("binary", miniBrowser.toString(), "args",
                    arguments(proxy)));
            if (proxy != null) {
                capabilities.setCapability("acceptInsecureCerts", true);
            }
            RemoteWebDriver webkit = new RemoteWebDriver(webDriver.executor(Duration.ofSeconds(60)), capabilities);
            String version = webkit.getCapabilities().getBrowserVersion();
            return new WebDriverSession(name(), version, "WebKitWebDriver (" + driver
                    + ", MiniBrowser on DISPLAY " + display.display() + ")", webkit, UNANSWERABLE, stop);
        } catch (RuntimeException e) {
            String output = webDriver.output();
            stop.run();
            throw new BrowserUnavailableException("WebKit (" + miniBrowser + ") did not start under " + driver + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + (output.isEmpty() ? "" : "\n" + output), e);
        }
    }

    private static Optional<Path> driver() {
        return Executables.find(DRIVER_SETTING, List.of("WebKitWebDriver"));
    }

    private static Optional<Path> miniBrowser() {
        if (Settings.get(BINARY_SETTING).isPresent()) {
            return Executables.find(BINARY_SETTING, List.of());
        }
        try (Stream<Path> libs = Files.list(Path.of("/usr/lib"))) {
            return libs.map(dir -> dir.resolve("webkit2gtk-4.1").resolve("MiniBrowser"))
                    .filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
