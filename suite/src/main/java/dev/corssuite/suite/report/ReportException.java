package dev.corssuite.suite.report;

/** The report could not be written; the message says why and what to do. */
public final class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }
}
