package dev.corssuite.suite.facts;

import java.util.List;

/**
 * One request (not a preflight) that reached an endpoint: on which role, with which method and {@code Origin}
 * header ({@code {origin:ROLE}}, {@code null}, or empty when absent), and request header names (lowercase). An
 * observed hop lists every header name it carried in {@code with}; an expected hop lists the names it must carry
 * ({@code with}) and must not ({@code without}).
 */
public record Hop(String at, String method, String origin, List<String> with, List<String> without) {
    public Hop {
        with = with == null ? List.of() : List.copyOf(with);
        without = without == null ? List.of() : List.copyOf(without);
    }

    public Hop(String at, String method, String origin) {
        this(at, method, origin, List.of(), List.of());
    }

    /** An expected hop accepts an observed one on the same role whose stated method, origin and headers agree. */
    public boolean accepts(Hop observed) {
        return at.equals(observed.at()) && (method == null || method.equals(observed.method()))
                && (origin == null || origin.equals(observed.origin()))
                && observed.with().containsAll(with) && without.stream().noneMatch(observed.with()::contains);
    }

    /** Each expected hop accepts the observed one at its place, and there are as many. */
    public static boolean acceptAll(List<Hop> expected, List<Hop> observed) {
        if (expected.size() != observed.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).accepts(observed.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return (method == null ? "" : method + " ") + "at " + at + (origin == null ? "" : " Origin '" + origin + "'")
                + (without.isEmpty() ? "" : " without " + without);
    }
}
