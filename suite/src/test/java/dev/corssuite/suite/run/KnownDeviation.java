package dev.corssuite.suite.run;

import org.testng.SkipException;

/** The browser did what the table records as its known deviation: neither a pass nor a failure. */
public final class KnownDeviation extends SkipException {
    public KnownDeviation(String message) {
        super(message);
    }
}
