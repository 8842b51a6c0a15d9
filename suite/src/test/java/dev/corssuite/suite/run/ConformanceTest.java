package dev.corssuite.suite.run;

import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.writers.ConsoleSummary;
import dev.corssuite.suite.runner.EngineResult;
import dev.corssuite.suite.runner.EngineRuns;
import dev.corssuite.suite.runner.Progress;
import dev.corssuite.suite.table.CorsCase;
import org.testng.ITestResult;
import org.testng.Reporter;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table as TestNG tests (for {@code ./cors-suite test} and Maven): one test per row per browser, reading the
 * results of the same run the command line makes. A thin adapter: the run and its judgement live elsewhere.
 */
public class ConformanceTest {
    private ConformanceRun run;
    private EngineSelection selection;
    private final Map<String, EngineResult> ran = new LinkedHashMap<>();
    private final Map<String, Map<String, Item>> itemsByEngine = new LinkedHashMap<>();

    private synchronized ConformanceRun run() {
        if (run == null) {
            RunSettings settings = RunSettings.fromSystem();
            selection = settings.engines();
            run = new ConformanceRun(settings.table(), settings.addresses(), settings.pages());
        }
        return run;
    }

    /** The row's cell in an engine; the first ask runs the whole table in every engine, side by side. */
    private synchronized Cell cell(String engine, String caseId) {
        if (ran.isEmpty()) {
            ConformanceRun table = run();
            boolean parallel = EngineRuns.parallelByDefault(selection.engines().size());
            EngineRuns.run(selection.engines(), parallel, e -> table.run(e, new Progress(System.err, "cases")))
                    .forEach(result -> {
                        ran.put(result.engine().name(), result);
                        Map<String, Item> byId = new LinkedHashMap<>();
                        table.results(List.of(result), Map.of()).items().forEach(i -> byId.put(i.id(), i));
                        itemsByEngine.put(result.engine().name(), byId);
                    });
        }
        return itemsByEngine.get(engine).get(caseId).cells().get(engine);
    }

    @DataProvider(name = "rows")
    public Object[][] rows() {
        List<Object[]> rows = new ArrayList<>();
        run();
        for (Engine engine : selection.engines()) {
            for (CorsCase row : run().table().cases()) {
                rows.add(new Object[] {engine.name(), row.id()});
            }
        }
        return rows.toArray(Object[][]::new);
    }

    @Test(dataProvider = "rows", groups = "browser", description = "a row of the case table in a real browser")
    public void row(String browser, String caseId) {
        ITestResult result = Reporter.getCurrentTestResult();
        result.setTestName(run().table().byId(caseId).description() + " [" + browser + "]");
        Cell cell = cell(browser, caseId);
        String details = String.join("\n", cell.details());
        switch (cell.status()) {
            case MATCHED -> { }
            case KNOWN_DEVIATION -> throw new KnownDeviation(details);
            case SPEC_WPT_DISAGREEMENT -> throw new SkipException("spec and WPT disagree: " + details);
            case DIFFERED -> throw new AssertionError(details);
            case INFRASTRUCTURE_ERROR, NOT_RUN -> throw new IllegalStateException(browser + ", case " + caseId
                    + ": " + details);
        }
    }

    @AfterClass(alwaysRun = true)
    public void close() {
        if (run != null) {
            Results all = run.results(List.copyOf(ran.values()), selection.skipped());
            ConsoleSummary.print(all, System.out);
            run.close();
        }
    }
}
