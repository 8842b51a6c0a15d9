package dev.corssuite.suite.browser;

import java.util.List;

/**
 * How a session answers HTTP authentication challenges. Every session sets this up when it starts: an automated run
 * must never wait on a credentials prompt, so each challenge the browser would prompt for is declined (the page then
 * sees the 401 answer, as after a user dismisses the prompt) and recorded.
 */
public interface AuthChallenges extends AutoCloseable {
    /** True when the driver declines prompts; false when a prompt stays open until the page gives up on it. */
    boolean declines();

    /** How challenges are answered here, for reports, e.g. "declined over WebDriver BiDi (network.continueWithAuth)". */
    String how();

    /** The challenges declined since the last call, oldest first. */
    List<AuthChallenge> takeDeclined();

    /** Stops answering; the session closes it. */
    @Override
    default void close() {
    }

    /**
     * For a driver that offers no way to answer a prompt: nothing is declined, a prompt stays open and the request
     * never settles, so only the probe page's own per-case timeout ends it.
     */
    static AuthChallenges unanswerable(String why) {
        return new AuthChallenges() {
            @Override
            public boolean declines() {
                return false;
            }

            @Override
            public String how() {
                return "not answered: " + why;
            }

            @Override
            public List<AuthChallenge> takeDeclined() {
                return List.of();
            }
        };
    }
}
