package dev.corssuite.suite.browser;

/** One HTTP authentication challenge (a 401 or 407 with WWW-Authenticate) the browser would have prompted for. */
public record AuthChallenge(String url, int status) {
    @Override
    public String toString() {
        return url + " -> " + status;
    }
}
