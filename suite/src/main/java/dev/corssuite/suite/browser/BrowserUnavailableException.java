package dev.corssuite.suite.browser;

/** A browser or its driver cannot be started; the message says what to install or set. */
public final class BrowserUnavailableException extends RuntimeException {
    public BrowserUnavailableException(String message) {
        super(message);
    }

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
