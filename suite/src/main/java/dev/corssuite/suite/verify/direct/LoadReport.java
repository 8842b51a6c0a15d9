package dev.corssuite.suite.verify.direct;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the target's limits did to the suite's browser-free requests: how many were sent at most at once, which
 * {@link LoadSignal}s came back how often, how many of those requests were answered when sent again alone, and the
 * ids of those still limited alone (their answers say nothing about the CORS configuration).
 */
public record LoadReport(int maxConnections, int requests, Map<LoadSignal, Integer> signals, int retriedAlone,
                         int answeredAlone, List<String> stillLimited) {
    public LoadReport {
        signals = signals.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(signals));
        stillLimited = List.copyOf(stillLimited);
    }

    /** Whether the target pushed back at all. */
    public boolean limited() {
        return !signals.isEmpty();
    }

    /** "The target limited the suite's load: ..." with the numbers, or empty when it did not. */
    public String summary() {
        if (!limited()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        new EnumMap<>(signals).forEach((signal, count) -> parts.add(count + " x " + signal.words()));
        return "The target limited the suite's load (" + requests + " browser-free requests, at most "
                + maxConnections + " at once): " + String.join(", ", parts) + ". " + retriedAlone
                + " request(s) sent again alone, " + answeredAlone + " answered"
                + (stillLimited.isEmpty() ? "; these answers are not findings."
                : "; " + stillLimited.size() + " still limited alone (" + String.join(", ", stillLimited)
                + ") are left out of the findings. Try a smaller --max-connections or raise the limit for the run.");
    }
}
