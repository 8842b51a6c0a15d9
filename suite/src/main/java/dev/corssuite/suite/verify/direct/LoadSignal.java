package dev.corssuite.suite.verify.direct;

import java.util.Locale;
import java.util.Optional;

/**
 * How a server says it has too much to do: it refuses or drops connections, resets them, or answers 429 / 503.
 * Under the suite's own load any of these may be the server's limits rather than its CORS configuration.
 */
public enum LoadSignal {
    REFUSED("refused the connection"),
    RESET("reset the connection"),
    CLOSED("closed the connection without an answer"),
    TIMED_OUT("sent no answer in time"),
    TOO_MANY_REQUESTS("answered 429 Too Many Requests"),
    UNAVAILABLE("answered 503 Service Unavailable");

    private final String words;

    LoadSignal(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** Whether a status says the server limits its load (429, 503). */
    public static boolean limits(int status) {
        return status == 429 || status == 503;
    }

    /** The signal in an answer, or empty for an ordinary answer (or a failure load does not explain, e.g. TLS). */
    public static Optional<LoadSignal> of(RawAnswer answer) {
        if (answer.answered()) {
            return answer.status() == 429 ? Optional.of(TOO_MANY_REQUESTS)
                    : answer.status() == 503 ? Optional.of(UNAVAILABLE) : Optional.empty();
        }
        String failure = answer.failure().toLowerCase(Locale.ROOT);
        if (failure.startsWith(DirectProbe.REFUSED)) {
            return Optional.of(REFUSED);
        }
        if (failure.contains("reset")) {
            return Optional.of(RESET);
        }
        if (failure.startsWith(DirectProbe.NO_ANSWER) || failure.startsWith(DirectProbe.NO_CONNECTION)) {
            return Optional.of(TIMED_OUT);
        }
        if (failure.startsWith(DirectProbe.NOT_HTTP)
                && (failure.contains("no bytes") || failure.contains("eof") || failure.contains("closed"))) {
            return Optional.of(CLOSED);
        }
        return Optional.empty();
    }
}
