package dev.corssuite.suite.facts;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One request that reached an endpoint: on which role, with which method and {@code Origin} header
 * ({@code {origin:ROLE}}, {@code null}, or empty when absent), and request header names (lowercase). An observed
 * hop lists every header name it carried in {@code with} and their values in {@code values}; an expected hop lists
 * the names it must carry ({@code with}) and must not ({@code without}), and for {@code values} a regular
 * expression each named header's whole value matches.
 */
public record Hop(String at, String method, String origin, List<String> with, List<String> without,
                  Map<String, String> values) {
    public Hop {
        with = with == null ? List.of() : List.copyOf(with);
        without = without == null ? List.of() : List.copyOf(without);
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public Hop(String at, String method, String origin, List<String> with, List<String> without) {
        this(at, method, origin, with, without, Map.of());
    }

    public Hop(String at, String method, String origin) {
        this(at, method, origin, List.of(), List.of());
    }

    /** An expected hop accepts an observed one on the same role whose stated method, origin and headers agree. */
    public boolean accepts(Hop observed) {
        return at.equals(observed.at()) && (method == null || method.equals(observed.method()))
                && (origin == null || origin.equals(observed.origin()))
                && observed.with().containsAll(with) && without.stream().noneMatch(observed.with()::contains)
                && values.entrySet().stream().allMatch(e -> observed.values().containsKey(e.getKey())
                && Pattern.compile(e.getValue()).matcher(observed.values().get(e.getKey())).matches());
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

    /**
     * Observed hops as the expected ones ask about them: each with the values of the header names its expected
     * counterpart names (values, with, without), so a difference shows what was asked, not every header.
     */
    public static List<Hop> asAskedBy(List<Hop> observed, List<Hop> expected) {
        if (observed == null) {
            return null;
        }
        List<Hop> shown = new java.util.ArrayList<>();
        for (int i = 0; i < observed.size(); i++) {
            Hop seen = observed.get(i);
            java.util.Set<String> asked = new java.util.TreeSet<>();
            if (i < expected.size()) {
                asked.addAll(expected.get(i).values().keySet());
                asked.addAll(expected.get(i).with());
                asked.addAll(expected.get(i).without());
            }
            Map<String, String> values = new TreeMap<>();
            asked.forEach(name -> values.put(name, seen.values().getOrDefault(name, "(absent)")));
            shown.add(new Hop(seen.at(), seen.method(), seen.origin(), seen.with(), List.of(), values));
        }
        return shown;
    }

    @Override
    public String toString() {
        return (method == null ? "" : method + " ") + "at " + at + (origin == null ? "" : " Origin '" + origin + "'")
                + (without.isEmpty() ? "" : " without " + without) + (values.isEmpty() ? "" : " " + values);
    }
}
