package dev.corssuite.suite.run;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CorsCase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Everything one conformance run shares: the table, the origins, the chosen engines, and each engine's outcome,
 * computed once per engine on first use (one browser start, the whole table in batches, then the browser closes).
 */
public final class ConformanceContext implements AutoCloseable {
    static final int BATCH_SIZE = 100;

    private final RunSettings settings;
    private final CaseTable table;
    private final EngineSelection selection;
    private final OriginFleet fleet;
    private final Map<String, EngineOutcome> outcomes = new LinkedHashMap<>();

    public ConformanceContext(RunSettings settings) {
        this.settings = settings;
        CaseTable all = CaseTable.load(settings.fixtures());
        this.table = settings.caseFilter().isEmpty() ? all
                : all.filter(c -> settings.caseFilter().contains(c.id()) || settings.caseFilter().contains(c.area()));
        this.selection = settings.engines();
        this.fleet = settings.addresses().applyTo(OriginFleet.builder().pages(settings.pages())).start();
    }

    public CaseTable table() {
        return table;
    }

    public EngineSelection selection() {
        return selection;
    }

    /** The engine's outcome, running the table in it first if this is the first ask. */
    public synchronized EngineOutcome outcome(String browser) {
        return outcomes.computeIfAbsent(browser, this::runEngine);
    }

    private EngineOutcome runEngine(String browser) {
        Engine engine = selection.engines().stream().filter(e -> e.name().equals(browser)).findFirst().orElseThrow();
        List<CorsCase> rows = table.cases();
        try (BrowserSession session = engine.start()) {
            var observations = new BrowserRun(session, fleet).run(rows, BATCH_SIZE, new Progress(System.err));
            return new EngineOutcome(browser, session.version(), session.drivenBy(), observations, null);
        } catch (RuntimeException e) {
            return EngineOutcome.failed(browser, e);
        }
    }

    /** Allure's environment panel: browsers, versions, how each was driven, what was skipped and why. */
    void writeEnvironment() {
        Properties env = new Properties();
        env.setProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.setProperty("java", System.getProperty("java.version"));
        env.setProperty("cases", String.valueOf(table.size()));
        outcomes.values().forEach(o -> {
            env.setProperty("browser." + o.browser(), o.version());
            env.setProperty("browser." + o.browser() + ".driven-by", o.drivenBy());
        });
        selection.skipped().forEach((name, why) -> env.setProperty("browser." + name, "skipped: " + why));
        try {
            Files.createDirectories(settings.allureResults());
            try (var out = Files.newBufferedWriter(settings.allureResults().resolve("environment.properties"))) {
                env.store(out, "CORS conformance run");
            }
            try (var in = ConformanceContext.class.getResourceAsStream("/allure-categories.json")) {
                Files.write(settings.allureResults().resolve("categories.json"), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report environment", e);
        }
    }

    @Override
    public void close() {
        fleet.close();
    }
}
