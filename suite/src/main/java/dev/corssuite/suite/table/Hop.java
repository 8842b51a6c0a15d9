package dev.corssuite.suite.table;

/**
 * One request (not a preflight) that reached an endpoint: on which role, with which method and {@code Origin}
 * header ({@code {origin:ROLE}}, {@code null}, or empty when absent).
 */
public record Hop(String at, String method, String origin) {
    /** An expected hop accepts an observed one on the same role whose stated method and origin are equal. */
    public boolean accepts(Hop observed) {
        return at.equals(observed.at()) && (method == null || method.equals(observed.method()))
                && (origin == null || origin.equals(observed.origin()));
    }

    /** Each expected hop accepts the observed one at its place, and there are as many. */
    public static boolean acceptAll(java.util.List<Hop> expected, java.util.List<Hop> observed) {
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
        return (method == null ? "" : method + " ") + "at " + at + (origin == null ? "" : " Origin '" + origin + "'");
    }
}
