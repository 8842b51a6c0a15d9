package dev.corssuite.suite.probe;

/** The probe itself failed (page script error, browser gone), as opposed to a case being blocked. */
public final class ProbeException extends RuntimeException {
    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProbeException(String message) {
        super(message);
    }
}
