package dev.corssuite.suite.verify.proxy;

/**
 * The proxy could not relay a request or its answer faithfully. The browser's outcome for that request says nothing
 * about the server, so it is reported as an infrastructure error.
 */
final class ProxyFault extends Exception {
    private final boolean answerStarted;

    ProxyFault(String reason, boolean answerStarted) {
        super(reason);
        this.answerStarted = answerStarted;
    }

    ProxyFault(String reason) {
        this(reason, false);
    }

    /** Part of the answer already went to the browser, so no error answer can follow: the connection is cut. */
    boolean answerStarted() {
        return answerStarted;
    }
}
