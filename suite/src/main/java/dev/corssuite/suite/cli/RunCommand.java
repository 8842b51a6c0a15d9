package dev.corssuite.suite.cli;

import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.writers.ConsoleSummary;
import dev.corssuite.suite.run.ConformanceRun;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.runner.EngineRuns;
import dev.corssuite.suite.verify.direct.DirectBatch;
import dev.corssuite.suite.runner.Progress;
import dev.corssuite.suite.runner.Shards;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.documents.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs the table in every chosen browser and prints the per-browser summary; {@code --target} is verify's alias. */
@Command(name = "run", description = "Run the case table in real browsers; exit 1 when any case differs. "
        + "(run --target URL --policy FILE is the same as verify.)")
final class RunCommand implements Callable<Integer> {
    static final int DIFFERED = 1;
    static final int BAD_INPUT = 2;

    @Option(names = "--cases", description = "Only these case ids or areas (comma-separated)", defaultValue = "")
    String cases;

    @Mixin
    OutputOptions output;

    @Mixin
    PlacementOptions placement;

    @Option(names = "--target", description = "Same as verify --target (see verify --help)")
    String target;

    @Option(names = "--policy", description = "Same as verify --policy (see verify --help)")
    Path policy;

    @Option(names = "--max-connections", defaultValue = "" + DirectBatch.DEFAULT_MAX_CONNECTIONS,
            description = "With --target: as verify --max-connections")
    int maxConnections;

    @Override
    public Integer call() throws IOException {
        if (target != null || policy != null) {
            List<String> refused = new ArrayList<>();
            if (!cases.isBlank()) {
                refused.add("--cases");
            }
            if (!refused.isEmpty()) {
                System.err.println(String.join(", ", refused) + " do(es) not apply to verifying a server");
                return BAD_INPUT;
            }
            if (target == null || policy == null) {
                System.err.println(target == null ? "--policy needs --target URL (the server to verify)"
                        : "--target needs --policy FILE (what the server intends to allow)");
                return BAD_INPUT;
            }
            return VerifyCommand.verify(target, policy, output, placement, maxConnections);
        }
        RunSettings settings;
        CaseTable table;
        EngineSelection selection;
        try {
            settings = placement.settings(output.browsers, cases, output.results);
            table = settings.table();
            selection = settings.engines();
            Shards.checkedSessions(placement.sessions);
        } catch (InvalidInputException | IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            return BAD_INPUT;
        }
        selection.skipped().forEach((name, why) -> System.out.println("skipped " + name + ": " + why));
        Results outcome;
        try (ConformanceRun run = new ConformanceRun(table, settings.addresses(), settings.pages(),
                ConformanceRun.BATCH_SIZE, placement.sessions)) {
            outcome = run.runAll(selection, !output.serial && EngineRuns.parallelByDefault(selection.engines().size()),
                    new Progress(System.err, "cases"));
        }
        ConsoleSummary.print(outcome, System.out);
        int status = outcome.passed() ? 0 : DIFFERED;
        return ReportOutput.write(outcome, settings.root(), output.results, output.report, status,
                System.out, System.err);
    }
}
