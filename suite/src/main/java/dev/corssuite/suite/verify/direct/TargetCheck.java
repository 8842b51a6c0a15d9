package dev.corssuite.suite.verify.direct;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Before any browser starts: one plain GET to the first endpoint. A target that cannot answer is refused with one
 * message saying what is wrong; an https target whose certificate Java does not trust is accepted with a note.
 */
public final class TargetCheck {
    private TargetCheck() {
    }

    /** A note for the user (an untrusted certificate), or empty; throws when the target cannot be verified. */
    public static Optional<String> check(URI target, String path, long timeoutMs) {
        try {
            java.net.InetAddress.getAllByName(target.getHost());
        } catch (java.net.UnknownHostException e) {
            throw new TargetUnusableException("The target " + target + " cannot be verified: the host name "
                    + target.getHost() + " does not resolve. Start the server or fix --target; no browser was "
                    + "started.");
        }
        RawAnswer answer = new DirectProbe(target, timeoutMs).actual(path, null, "GET", List.of(), null);
        if (!answer.answered()) {
            throw new TargetUnusableException("The target " + target + " cannot be verified: GET " + path + ": "
                    + answer.failure() + ". Start the server or fix --target; no browser was started.");
        }
        if (!target.getScheme().equals("https")) {
            return Optional.empty();
        }
        try {
            RawAnswer strict = new DirectProbe(target, timeoutMs, SSLContext.getDefault())
                    .actual(path, null, "GET", List.of(), null);
            return strict.answered() ? Optional.empty() : Optional.of("note: Java does not trust the certificate of "
                    + target + " (" + strict.failure() + "); browsers in this run accept it, a user's would not");
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** After the browsers ran: throws when the target no longer answers the start-up GET. */
    public static void stillAnswers(URI target, String path, long timeoutMs) {
        RawAnswer answer = new DirectProbe(target, timeoutMs).actual(path, null, "GET", List.of(), null);
        if (!answer.answered()) {
            throw new TargetUnusableException("The target " + target + " stopped answering during the run: GET "
                    + path + ": " + answer.failure() + ". No findings are reported; check the server (did it stop "
                    + "or restart?) and run again.");
        }
    }
}
