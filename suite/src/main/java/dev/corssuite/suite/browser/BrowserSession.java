package dev.corssuite.suite.browser;

import java.time.Duration;

/** One running browser with one page, however it is driven. */
public interface BrowserSession extends AutoCloseable {
    /** Engine name as used on the command line: chromium, firefox, webkit. */
    String name();

    String version();

    /** How the browser is driven, e.g. "chromedriver 156.0.8078.79 (/usr/bin/chromedriver)". */
    String drivenBy();

    /** Loads a URL in the session's page and waits for it to finish loading. */
    void open(String url);

    /** Evaluates a JavaScript expression that yields a promise of a string, and returns that string. */
    String evaluateAsync(String promiseExpression, Duration timeout);

    /** How this session answers HTTP authentication challenges; set up when the session starts. */
    AuthChallenges authChallenges();

    /** A PNG of the page (the whole document where the browser can); for tests and documentation. */
    default byte[] screenshot() {
        throw new UnsupportedOperationException(name() + " sessions take no screenshots here");
    }

    /** Resizes the page's viewport (CSS pixels), e.g. to check a narrow layout. */
    default void viewport(int width, int height) {
        throw new UnsupportedOperationException(name() + " sessions cannot resize here");
    }

    @Override
    void close();
}
