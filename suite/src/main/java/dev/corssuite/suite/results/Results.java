package dev.corssuite.suite.results;

import dev.corssuite.suite.verify.findings.Finding;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run found, in either mode: the subject (the case table, or a target and its policy), the engines
 * used and those skipped with the reason, every item with one cell per engine, and (verify) the findings.
 * Writers are functions of this; nothing feeds it afterwards.
 */
public record Results(Mode mode, String subject, List<EngineRun> engines, Map<String, String> skipped,
                      List<Item> items, List<Finding> findings) {
    public enum Mode {
        CONFORMANCE("CORS conformance", "cases"),
        VERIFY("CORS verification", "requests");

        private final String title;
        private final String noun;

        Mode(String title, String noun) {
            this.title = title;
            this.noun = noun;
        }

        public String title() {
            return title;
        }

        public String noun() {
            return noun;
        }
    }

    public Results {
        engines = List.copyOf(engines);
        skipped = Map.copyOf(skipped);
        items = List.copyOf(items);
        findings = List.copyOf(findings);
    }

    /** How many cells of an engine ended in each status. */
    public Map<Status, Integer> counts(String engine) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        items.forEach(i -> {
            Cell c = i.cells().get(engine);
            if (c != null) {
                counts.merge(c.status(), 1, Integer::sum);
            }
        });
        return counts;
    }

    public int count(Status status) {
        return (int) items.stream().flatMap(i -> i.cells().values().stream()).filter(c -> c.status() == status)
                .count();
    }

    /** Every cell matched (or is a known deviation), something ran, and nothing was found. */
    public boolean passed() {
        return !engines.isEmpty() && findings.isEmpty()
                && items.stream().flatMap(i -> i.cells().values().stream()).noneMatch(c -> c.status().failsRun());
    }
}
