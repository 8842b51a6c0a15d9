package dev.corssuite.suite.results.writers;

import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.EngineRun;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.Status;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-engine summary on the console: counts by status, (conformance) by expected verdict, and the items that did
 * not match with the reason, infrastructure errors said as such.
 */
public final class ConsoleSummary {
    private static final int PROBLEMS = 50;

    private ConsoleSummary() {
    }

    public static void print(Results results, PrintStream out) {
        out.println();
        out.println(results.mode().title() + " summary");
        for (EngineRun engine : results.engines()) {
            out.println("  " + counts(results, engine.name()) + "  (" + engine.version() + ", " + engine.drivenBy()
                    + ")");
            if (results.mode() == Results.Mode.CONFORMANCE) {
                byExpectedVerdict(results, engine.name()).forEach((verdict, counts) -> out.printf(
                        "    %-22s %d matched, %d differed%n", verdict, counts[0], counts[1]));
                List<String> problems = problems(results, engine.name());
                problems.stream().limit(PROBLEMS).forEach(p -> out.println("    " + p));
                if (problems.size() > PROBLEMS) {
                    out.println("    ... and " + (problems.size() - PROBLEMS) + " more (see the report)");
                }
            }
        }
        results.skipped().forEach((name, why) -> out.println("  " + name + " skipped: " + why));
        out.flush();
    }

    /** "chromium  285 matched, 0 differed, 7 known deviations, 0 infrastructure errors" and its verify wording. */
    public static String counts(Results results, String engine) {
        Map<Status, Integer> c = results.counts(engine);
        int errors = c.get(Status.INFRASTRUCTURE_ERROR);
        int notRun = c.get(Status.NOT_RUN);
        String tail = ", " + errors + " infrastructure error" + (errors == 1 ? "" : "s")
                + (notRun == 0 ? "" : ", " + notRun + " not run");
        if (results.mode() == Results.Mode.VERIFY) {
            int deviations = c.get(Status.KNOWN_DEVIATION);
            int ran = c.get(Status.MATCHED) + c.get(Status.DIFFERED) + deviations;
            return String.format("%-9s %d as the policy intends, %s%d not (of %d run)%s", engine,
                    c.get(Status.MATCHED), deviations == 0 ? "" : deviations + " as the engine's known deviation, ",
                    c.get(Status.DIFFERED), ran, tail);
        }
        int split = c.get(Status.SPEC_WPT_DISAGREEMENT);
        return String.format("%-9s %d matched, %d differed, %d known deviations%s%s", engine, c.get(Status.MATCHED),
                c.get(Status.DIFFERED), c.get(Status.KNOWN_DEVIATION),
                split == 0 ? "" : ", " + split + " spec/WPT disagreement" + (split == 1 ? "" : "s"), tail);
    }

    private static Map<String, int[]> byExpectedVerdict(Results results, String engine) {
        Map<String, int[]> byVerdict = new TreeMap<>();
        for (Item item : results.items()) {
            Cell cell = item.cells().get(engine);
            if (cell != null && (cell.status() == Status.MATCHED || cell.status() == Status.DIFFERED)) {
                byVerdict.computeIfAbsent(item.expected(), v -> new int[2])[cell.status() == Status.MATCHED ? 0 : 1]++;
            }
        }
        return byVerdict;
    }

    private static List<String> problems(Results results, String engine) {
        List<String> problems = new ArrayList<>();
        for (Item item : results.items()) {
            Cell cell = item.cells().get(engine);
            if (cell == null || cell.status() == Status.MATCHED) {
                continue;
            }
            String label = switch (cell.status()) {
                case DIFFERED -> "differs: ";
                case KNOWN_DEVIATION -> "known deviation: ";
                case SPEC_WPT_DISAGREEMENT -> "spec and WPT disagree: ";
                case INFRASTRUCTURE_ERROR -> "infrastructure error (" + item.id() + "): ";
                default -> cell.status().label() + " (" + item.id() + "): ";
            };
            problems.add(label + cell.summary().lines().findFirst().orElse(""));
        }
        return problems;
    }
}
