package dev.corssuite.suite.api;

/** The verification could not start: bad target, policy, baseline or browser choice; the message lists each problem. */
public final class CorsVerificationException extends RuntimeException {
    public CorsVerificationException(String message) {
        super(message);
    }

    public CorsVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
