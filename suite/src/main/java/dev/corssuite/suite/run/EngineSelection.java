package dev.corssuite.suite.run;

import dev.corssuite.suite.browser.ChromiumEngine;
import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.browser.FirefoxEngine;
import dev.corssuite.suite.browser.GridEngine;
import dev.corssuite.suite.browser.SeleniumGrid;
import dev.corssuite.suite.browser.WebKitEngine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which engines a run uses. "all" means every installed engine, the others reported as skipped with the reason; a
 * named engine that is missing is an error naming what to install.
 */
public record EngineSelection(List<Engine> engines, Map<String, String> skipped) {

    public static List<Engine> known() {
        return List.of(new ChromiumEngine(), new FirefoxEngine(), new WebKitEngine());
    }

    public static EngineSelection choose(List<String> requested) {
        return choose(requested, known());
    }

    /** The known engines with their browsers on the Grid; "all" means every engine the Grid's nodes offer. */
    public static EngineSelection onGrid(List<String> requested, SeleniumGrid grid) {
        return choose(requested, known().stream().<Engine>map(e -> new GridEngine(e, grid)).toList());
    }

    static EngineSelection choose(List<String> requested, List<Engine> known) {
        boolean all = requested.isEmpty() || requested.contains("all");
        Map<String, Engine> byName = new LinkedHashMap<>();
        known.forEach(e -> byName.put(e.name(), e));
        List<String> problems = new ArrayList<>();
        for (String name : requested) {
            if (!name.equals("all") && !byName.containsKey(name)) {
                problems.add("unknown browser '" + name + "'; known: " + String.join(", ", byName.keySet()));
            }
        }
        List<Engine> engines = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Engine engine : known) {
            boolean wanted = all || requested.contains(engine.name());
            if (!wanted) {
                continue;
            }
            var missing = engine.missing();
            if (missing.isEmpty()) {
                engines.add(engine);
            } else if (all) {
                skipped.put(engine.name(), missing.get());
            } else {
                problems.add(missing.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("no browser to run: " + String.join("; ", skipped.values()));
        }
        return new EngineSelection(List.copyOf(engines), Map.copyOf(skipped));
    }
}
