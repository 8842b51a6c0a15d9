package dev.corssuite.suite.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.time.Duration;
import java.util.Map;

/** A browser driven through a classic WebDriver server (chromedriver, geckodriver, WebKitWebDriver). */
public final class WebDriverSession implements BrowserSession {
    private final String name;
    private final String version;
    private final String drivenBy;
    private final WebDriver driver;
    private final AuthChallenges authChallenges;
    private final BidiPage bidiPage;
    private final Runnable afterQuit;
    private final ExitCleanup cleanupOnExit;
    private boolean closed;

    /** A session without WebDriver BiDi: scripts run as classic WebDriver async scripts. */
    public WebDriverSession(String name, String version, String drivenBy, WebDriver driver,
                            AuthChallenges authChallenges, Runnable afterQuit) {
        this(name, version, drivenBy, driver, authChallenges, null, afterQuit);
    }

    /**
     * A session whose driver also speaks WebDriver BiDi: scripts run over BiDi, because a driver may run one command
     * at a time (chromedriver does), and a classic async script waiting on a fetch held at an authentication prompt
     * would hold back the BiDi answer that releases it.
     */
    WebDriverSession(String name, String version, String drivenBy, WebDriver driver, AuthChallenges authChallenges,
                     BidiPage bidiPage, Runnable afterQuit) {
        this.name = name;
        this.version = version;
        this.drivenBy = drivenBy;
        this.driver = driver;
        this.authChallenges = authChallenges;
        this.bidiPage = bidiPage;
        this.afterQuit = afterQuit;
        this.cleanupOnExit = new ExitCleanup(name, this::quit);
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
        driver.get(url);
    }

    @Override
    public String evaluateAsync(String promiseExpression, Duration timeout) {
        if (bidiPage != null) {
            return bidiPage.evaluateAsync(promiseExpression, timeout);
        }
        driver.manage().timeouts().scriptTimeout(timeout);
        Object value = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "Promise.resolve().then(() => " + promiseExpression + ")"
                        + ".then(done, e => done({scriptError: String(e && e.stack || e)}));");
        if (value instanceof Map<?, ?> map && map.containsKey("scriptError")) {
            throw new WebDriverException("script failed in " + name + ": " + map.get("scriptError"));
        }
        return value == null ? null : value.toString();
    }

    @Override
    public byte[] screenshot() {
        return ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    }

    @Override
    public void viewport(int width, int height) {
        if (bidiPage != null) {
            bidiPage.viewport(width, height);
        } else {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        }
    }

    @Override
    public AuthChallenges authChallenges() {
        return authChallenges;
    }

    private synchronized void quit() {
        if (closed) {
            return;
        }
        closed = true;
        authChallenges.close();
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // the browser may already be gone; the driver service is stopped below either way
        } finally {
            afterQuit.run();
        }
    }

    @Override
    public void close() {
        quit();
        cleanupOnExit.cancel();
    }
}
