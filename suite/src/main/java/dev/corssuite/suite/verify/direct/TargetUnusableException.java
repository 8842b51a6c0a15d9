package dev.corssuite.suite.verify.direct;

/** The target cannot be verified at all (refused, unknown host, TLS failure, hanging, not HTTP): one message. */
public final class TargetUnusableException extends RuntimeException {
    public TargetUnusableException(String message) {
        super(message);
    }
}
