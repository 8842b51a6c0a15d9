package dev.corssuite.suite.browser;

import io.github.bonigarcia.wdm.WebDriverManager;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.bidi.BiDi;
import org.openqa.selenium.firefox.FirefoxOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firefox. With a geckodriver (the user's setting, on PATH, or a capped download when online) through
 * Selenium's RemoteWebDriver; without one (Debian ships none) over WebDriver BiDi, which Firefox speaks itself.
 */
public final class FirefoxEngine implements Engine {
    static final String BINARY_SETTING = "cors.firefox.binary";
    static final String DRIVER_SETTING = "cors.geckodriver";
    private static final List<String> BINARIES = List.of("firefox-esr", "firefox");
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final String INSTALL = "sudo apt-get install firefox-esr";

    @Override
    public String name() {
        return "firefox";
    }

    @Override
    public Optional<String> missing() {
        return binary().isPresent() ? Optional.empty()
                : Optional.of("Firefox is not installed: no " + String.join(", ", BINARIES) + " on PATH. Install it: "
                        + INSTALL + ", or set " + Settings.howToSet(BINARY_SETTING, "/path/to/firefox"));
    }

    @Override
    public BrowserSession start() {
        return start(null);
    }

    @Override
    public BrowserSession start(SessionProxy proxy) {
        Path binary = binary().orElseThrow(() -> new BrowserUnavailableException(missing().orElseThrow()));
        Optional<Path> geckodriver = geckodriver();
        return geckodriver.isPresent() ? viaGeckodriver(binary, geckodriver.get(), proxy) : viaBidi(binary, proxy);
    }

    @Override
    public Capabilities gridCapabilities() {
        return new FirefoxOptions().addArguments("-headless");
    }

    /** A Grid's Firefox runs under geckodriver, which takes the proxy as preferences of the fresh profile. */
    @Override
    public Capabilities gridCapabilities(SessionProxy proxy) {
        FirefoxOptions options = new FirefoxOptions().addArguments("-headless");
        proxy.firefoxPreferences().forEach(options::addPreference);
        options.setAcceptInsecureCerts(true);
        return options;
    }

    private BrowserSession viaGeckodriver(Path binary, Path driver, SessionProxy proxy) {
        FirefoxOptions options = new FirefoxOptions().setBinary(binary).addArguments("-headless");
        // geckodriver's WebDriver BiDi, for the session's answer to authentication challenges.
        options.setCapability("webSocketUrl", true);
        if (proxy != null) {
            proxy.firefoxPreferences().forEach(options::addPreference);
            options.setAcceptInsecureCerts(true);
        }
        DriverServer server = DriverServer.start("geckodriver",
                port -> List.of(driver.toString(), "--port=" + port), java.util.Map.of());
        try {
            RemoteWebDriver firefox = new RemoteWebDriver(server.executor(Duration.ofSeconds(60)), options);
            String driverVersion = Executables.versionLine(driver).flatMap(Executables::versionNumber).orElse("?");
            try {
                BiDi bidi = firefox.maybeGetBiDi().orElseThrow(() -> new IllegalStateException(
                        "geckodriver returned no webSocketUrl"));
                return new WebDriverSession(name(), firefox.getCapabilities().getBrowserVersion(),
                        "geckodriver " + driverVersion + " (" + driver + ")", firefox, new BidiAuthDecliner(bidi),
                        new BidiPage(bidi, name()), server::close);
            } catch (RuntimeException e) {
                firefox.quit();
                throw new BrowserUnavailableException("geckodriver started Firefox but its WebDriver BiDi, needed "
                        + "to answer authentication challenges, failed: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            server.close();
            throw new BrowserUnavailableException("Firefox (" + binary + ") did not start under geckodriver " + driver
                    + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    private BrowserSession viaBidi(Path binary, SessionProxy proxy) {
        TempDirectory profile = new TempDirectory("cors-firefox-profile");
        AtomicReference<ChildProcess> started = new AtomicReference<>();
        Runnable end = () -> {
            ChildProcess running = started.get();
            if (running != null) {
                running.close();
            }
            profile.close();
        };
        // Ctrl-C at any moment: Firefox ended first, then its profile removed, so no folder outlives the run either.
        ExitCleanup onExit = new ExitCleanup("firefox-profile", end);
        Runnable stop = () -> {
            end.run();
            onExit.cancel();
        };
        ChildProcess firefox;
        try {
            if (proxy != null) {
                writePreferences(profile.path(), proxy.firefoxPreferences());
            }
            firefox = ChildProcess.start("firefox", List.of(binary.toString(), "--headless", "--no-remote",
                    "--profile", profile.path().toString(), "--remote-debugging-port", "0"));
        } catch (RuntimeException e) {
            stop.run();
            throw e;
        }
        started.set(firefox);
        try {
            String line = firefox.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(60));
            Matcher m = LISTENING.matcher(line);
            m.find();
            return new BidiSession(name(), URI.create(m.group(1)), "WebDriver BiDi (" + binary + ", no geckodriver)",
                    stop);
        } catch (RuntimeException e) {
            stop.run();
            throw e instanceof BrowserUnavailableException ? e
                    : new BrowserUnavailableException("Firefox (" + binary + ") did not open a BiDi session: "
                    + e.getMessage(), e);
        }
    }

    private static void writePreferences(Path profile, java.util.Map<String, Object> preferences) {
        StringBuilder userJs = new StringBuilder();
        preferences.forEach((name, value) -> userJs.append("user_pref(\"").append(name).append("\", ")
                .append(value instanceof String ? "\"" + value + "\"" : value).append(");\n"));
        try {
            java.nio.file.Files.writeString(profile.resolve("user.js"), userJs);
        } catch (java.io.IOException e) {
            throw new BrowserUnavailableException("cannot write Firefox preferences in " + profile + ": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<Path> binary() {
        return Executables.find(BINARY_SETTING, BINARIES);
    }

    private static Optional<Path> geckodriver() {
        return Executables.explicitDriver(DRIVER_SETTING)
                .or(() -> Executables.find(List.of("geckodriver")))
                .or(() -> CappedDownload.driver("github.com", WebDriverManager::firefoxdriver, new StringBuilder()));
    }
}
