package dev.corssuite.suite.browser;

import java.util.ArrayList;
import java.util.List;

/** The authentication challenges a session answered for the page, each taken once. Safe for concurrent use. */
final class DeclinedChallenges {
    private final List<AuthChallenge> declined = new ArrayList<>();

    synchronized void add(AuthChallenge challenge) {
        declined.add(challenge);
    }

    synchronized List<AuthChallenge> take() {
        List<AuthChallenge> taken = List.copyOf(declined);
        declined.clear();
        return taken;
    }
}
