package dev.corssuite.suite.browser;

import io.github.bonigarcia.wdm.WebDriverManager;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.remote.CommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Chromium through chromedriver. Driver order: the user's setting, an installed chromedriver of the browser's major
 * version, a time-capped WebDriverManager download when online, else an error saying what to install.
 */
public final class ChromiumEngine implements Engine {
    static final String BINARY_SETTING = "cors.chromium.binary";
    static final String DRIVER_SETTING = "cors.chromedriver";
    private static final List<String> BINARIES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    private static final List<String> DRIVERS = List.of("chromedriver", "/usr/lib/chromium/chromedriver",
            "/usr/bin/chromedriver");
    private static final String INSTALL = "sudo apt-get install chromium chromium-driver";

    @Override
    public String name() {
        return "chromium";
    }

    @Override
    public Optional<String> missing() {
        return binary().isPresent() ? Optional.empty()
                : Optional.of("Chromium is not installed: no " + String.join(", ", BINARIES) + " on PATH. Install it: "
                        + INSTALL + ", or set " + Settings.howToSet(BINARY_SETTING, "/path/to/chrome"));
    }

    @Override
    public BrowserSession start() {
        return start(null);
    }

    @Override
    public BrowserSession start(SessionProxy proxy) {
        Path binary = binary().orElseThrow(() -> new BrowserUnavailableException(missing().orElseThrow()));
        String browserVersion = Executables.versionLine(binary).flatMap(Executables::versionNumber)
                .orElseThrow(() -> new BrowserUnavailableException(binary + " --version printed no version; is it a "
                        + "working Chromium? Reinstall it: " + INSTALL));
        Path driver = driver(Executables.major(browserVersion).orElseThrow());
        String driverVersion = Executables.versionLine(driver).flatMap(Executables::versionNumber).orElse("?");

        ChromeOptions options = ChromiumAuthRefusal.refuseAuthentication(new ChromeOptions());
        options.setBinary(binary.toFile());
        options.addArguments(arguments());
        if (proxy != null) {
            through(options, proxy);
        }
        DriverServer server = DriverServer.start("chromedriver",
                port -> List.of(driver.toString(), "--port=" + port), java.util.Map.of());
        try {
            OwnedChromiumDriver chrome = new OwnedChromiumDriver(server.executor(Duration.ofSeconds(60)), options);
            String version = chrome.getCapabilities().getBrowserVersion();
            return new WebDriverSession(name(), version, "chromedriver " + driverVersion + " (" + driver + ")", chrome,
                    declinerOrQuit(chrome, server), server::close);
        } catch (RuntimeException e) {
            server.close();
            throw new BrowserUnavailableException("Chromium " + browserVersion + " (" + binary + ") did not start "
                    + "under chromedriver " + driverVersion + " (" + driver + "): " + firstLine(e.getMessage()), e);
        }
    }

    private static AuthChallenges declinerOrQuit(OwnedChromiumDriver chrome, DriverServer server) {
        try {
            return new ChromiumAuthRefusal(chrome);
        } catch (RuntimeException e) {
            try {
                chrome.quit();
            } finally {
                server.close();
            }
            throw new BrowserUnavailableException("chromedriver started Chromium but its DevTools connection, needed "
                    + "to answer authentication challenges, failed: " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public Capabilities gridCapabilities() {
        return ChromiumAuthRefusal.refuseAuthentication(new ChromeOptions()).addArguments(arguments());
    }

    @Override
    public Capabilities gridCapabilities(SessionProxy proxy) {
        return through((ChromeOptions) gridCapabilities(), proxy);
    }

    private static ChromeOptions through(ChromeOptions options, SessionProxy proxy) {
        // <-loopback> removes Chromium's implicit bypass, so localhost targets are proxied (and recorded) too.
        options.addArguments("--proxy-server=http://" + proxy.hostPort(), "--proxy-bypass-list=<-loopback>");
        options.setAcceptInsecureCerts(true);
        return options;
    }

    static List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
                // The closed network must not be flooded with Google service connections.
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--no-default-browser-check"));
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--no-sandbox");
        }
        Settings.get("cors.chromium.args").ifPresent(extra -> args.addAll(Arrays.asList(extra.split("\\s+"))));
        return args;
    }

    private static Optional<Path> binary() {
        return Executables.find(BINARY_SETTING, BINARIES);
    }

    private static Path driver(int browserMajor) {
        Optional<Path> explicit = Executables.explicitDriver(DRIVER_SETTING);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        StringBuilder tried = new StringBuilder();
        for (String candidate : DRIVERS) {
            Optional<Path> found = Executables.find(List.of(candidate));
            if (found.isEmpty()) {
                continue;
            }
            Optional<Integer> major = Executables.versionLine(found.get()).flatMap(Executables::major);
            if (major.isPresent() && major.get() == browserMajor) {
                return found.get();
            }
            tried.append(found.get()).append(" is for Chromium ").append(major.map(String::valueOf).orElse("?"))
                    .append("; ");
        }
        Optional<Path> downloaded = CappedDownload.driver("googlechromelabs.github.io",
                () -> WebDriverManager.chromedriver().browserVersion(String.valueOf(browserMajor)), tried);
        return downloaded.orElseThrow(() -> new BrowserUnavailableException("No chromedriver for Chromium "
                + browserMajor + " found (" + tried + "). Install it: " + INSTALL + ", or set "
                + Settings.howToSet(DRIVER_SETTING, "/path/to/chromedriver")));
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** A Chromium session on a chromedriver the suite started and owns: DevTools included, no driver service. */
    private static final class OwnedChromiumDriver extends ChromiumDriver {
        OwnedChromiumDriver(CommandExecutor executor, ChromeOptions options) {
            super(executor, options, ChromeOptions.CAPABILITY);
        }
    }
}
