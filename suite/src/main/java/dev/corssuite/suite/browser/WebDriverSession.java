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
    private final Runnable afterQuit;
    private final ExitCleanup cleanupOnExit;
    private boolean closed;

    public WebDriverSession(String name, String version, String drivenBy, WebDriver driver, Runnable afterQuit) {
        this.name = name;
        this.version = version;
        this.drivenBy = drivenBy;
        this.driver = driver;
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

    private synchronized void quit() {
        if (closed) {
            return;
        }
        closed = true;
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
