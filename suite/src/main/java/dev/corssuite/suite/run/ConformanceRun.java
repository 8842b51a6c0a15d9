package dev.corssuite.suite.run;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.probe.Probe;
import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.runner.EngineResult;
import dev.corssuite.suite.runner.EngineRuns;
import dev.corssuite.suite.runner.Job;
import dev.corssuite.suite.runner.ProbeOutcome;
import dev.corssuite.suite.runner.Shards;
import dev.corssuite.suite.runner.Runner;
import dev.corssuite.suite.table.CaseArea;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CorsCase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case table in real browsers: the origins, then per engine one {@link Runner} over every row, then each row
 * assessed against its expectation. Returns {@link Results}; writes nothing.
 */
public final class ConformanceRun implements AutoCloseable {
    public static final int BATCH_SIZE = 100;

    private final CaseTable table;
    private final OriginFleet fleet;
    private final int batchSize;
    private final int sessions;

    public ConformanceRun(CaseTable table, OriginAddresses addresses, Path pages) {
        this(table, addresses, pages, BATCH_SIZE, 1);
    }

    /** @param sessions browser sessions per engine, each running its share of the rows (a Grid's slots) */
    public ConformanceRun(CaseTable table, OriginAddresses addresses, Path pages, int batchSize, int sessions) {
        this.table = table;
        this.batchSize = batchSize;
        this.sessions = sessions;
        this.fleet = addresses.applyTo(OriginFleet.builder().pages(pages)).start();
    }

    public CaseTable table() {
        return table;
    }

    /**
     * Every row in one engine, spread over the run's sessions side by side; an engine that does not start makes
     * every row an infrastructure error.
     */
    public EngineResult run(Engine engine, Runner.Listener listener) {
        CaseStager stager = new CaseStager(fleet);
        List<Job> jobs = table.cases().stream().map(stager::job).toList();
        Shards<Job> shards = new Shards<>(jobs, sessions, listener);
        try {
            return shards.runSideBySide(shard -> {
                try (Runner runner = new Runner(engine::start, fleet.url(OriginRole.PAGE, Probe.PAGE),
                        new FleetTraffic(fleet), batchSize, shards.listener(shard))) {
                    return EngineResult.ran(runner, runner.run(shards.jobs(shard)));
                }
            });
        } catch (RuntimeException e) {
            return EngineResult.notStarted(engine.name(), jobs, engine.name() + " could not run the table: "
                    + e.getMessage(), e);
        }
    }

    /** The rows' cells in every engine that ran. */
    public Results results(List<EngineResult> engines, Map<String, String> skipped) {
        List<Item> items = new ArrayList<>();
        for (CaseArea area : table.areas()) {
            for (CorsCase row : area.cases()) {
                Map<String, Cell> cells = new LinkedHashMap<>();
                for (EngineResult e : engines) {
                    ProbeOutcome outcome = e.outcomes().get(row.id());
                    if (outcome != null) {
                        cells.put(e.engine().name(), RowAssessment.assess(row, e.engine().name(),
                                e.engine().version(), outcome));
                    }
                }
                items.add(new Item(row.id(), row.description(), area.area(), area.title(), row.spec(),
                        row.expect().verdict().name(), cells, Map.of("row (" + row.file() + ")", row)));
            }
        }
        return new Results(Results.Mode.CONFORMANCE, table.size() + " cases", engines.stream()
                .map(EngineResult::engine).toList(), skipped, items, List.of());
    }

    /** The whole table in every selected engine, side by side or one after the other. */
    public Results runAll(EngineSelection selection, boolean parallel, Runner.Listener listener) {
        return results(EngineRuns.run(selection.engines(), parallel, engine -> run(engine, listener)),
                selection.skipped());
    }

    @Override
    public void close() {
        fleet.close();
    }
}
