package dev.corssuite.suite.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.FindingKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several runs of the same subject in different engines (a CI browser matrix, one {@code results.json} per job) as
 * one {@link Results}: the engines side by side, each item's cells joined, findings joined per kind.
 */
public final class ResultsMerge {
    private ResultsMerge() {
    }

    public static Results read(Path resultsJson) throws IOException {
        return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(resultsJson.toFile(), Results.class);
    }

    /** @throws IllegalArgumentException when the runs are of different modes or subjects, or share an engine */
    public static Results merge(List<Results> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no results to merge");
        }
        Results first = runs.get(0);
        List<EngineRun> engines = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, Item> items = new LinkedHashMap<>();
        Map<FindingKind, Set<String>> evidence = new EnumMap<>(FindingKind.class);
        for (Results run : runs) {
            if (run.mode() != first.mode() || !sameSubject(run, first)) {
                throw new IllegalArgumentException("cannot merge '" + run.subject() + "' with '" + first.subject()
                        + "'");
            }
            for (EngineRun engine : run.engines()) {
                if (engines.stream().anyMatch(e -> e.name().equals(engine.name()))) {
                    throw new IllegalArgumentException(engine.name() + " appears in more than one results file");
                }
                engines.add(engine);
            }
            skipped.putAll(run.skipped());
            for (Item item : run.items()) {
                items.merge(item.id(), item, (a, b) -> {
                    Map<String, Cell> cells = new LinkedHashMap<>(a.cells());
                    cells.putAll(b.cells());
                    return new Item(a.id(), a.title(), a.group(), a.groupTitle(), a.reference(), a.expected(), cells,
                            a.evidence());
                });
            }
            for (Finding f : run.findings()) {
                evidence.computeIfAbsent(f.kind(), k -> new LinkedHashSet<>()).addAll(f.evidence());
            }
        }
        engines.forEach(e -> skipped.remove(e.name()));
        List<Finding> findings = new ArrayList<>();
        evidence.forEach((kind, lines) -> findings.add(new Finding(kind, List.copyOf(lines))));
        return new Results(first.mode(), first.subject(), engines, skipped, List.copyOf(items.values()), findings);
    }

    /** A verify subject names the target with its port, which differs per CI job only in the port. */
    private static boolean sameSubject(Results a, Results b) {
        return a.subject().replaceAll(":\\d+", ":*").equals(b.subject().replaceAll(":\\d+", ":*"));
    }
}
