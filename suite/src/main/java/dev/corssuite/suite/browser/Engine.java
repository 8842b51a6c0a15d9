package dev.corssuite.suite.browser;

import org.openqa.selenium.Capabilities;

import java.util.Optional;

/** A browser engine the suite can drive: how to tell whether it is installed, and how to start a session. */
public interface Engine {
    /** Command-line name: chromium, firefox, webkit. */
    String name();

    /** Why the engine cannot run here, with what to install; empty when it is installed. */
    Optional<String> missing();

    /** Starts a fresh browser; throws {@link BrowserUnavailableException} with an actionable message. */
    BrowserSession start();

    /** Starts a fresh browser whose traffic, loopback included, goes through {@code proxy}; any certificate passes. */
    BrowserSession start(SessionProxy proxy);

    /** What to ask a Selenium Grid for to get this engine's browser, configured as the local one would be. */
    Capabilities gridCapabilities();

    /** The same, with the browser's traffic, loopback included, going through {@code proxy}; any certificate passes. */
    default Capabilities gridCapabilities(SessionProxy proxy) {
        throw new BrowserUnavailableException(name() + " cannot be asked of a Grid with the suite's proxy");
    }
}
