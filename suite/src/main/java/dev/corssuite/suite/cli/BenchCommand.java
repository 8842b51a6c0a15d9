package dev.corssuite.suite.cli;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.run.BrowserRun;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.Progress;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.verdict.Observation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Runs the table N times in one process per browser, batched and one case per script call, and prints cases per
 * second for both and their ratio, measured in the same run. Exit 1 when a target is missed.
 */
@Command(name = "bench", description = "Cases per second per browser: batched vs one case per script call.")
final class BenchCommand implements Callable<Integer> {
    static final double TARGET_RATIO = 10.0;
    static final double TARGET_MS_PER_CASE = 10.0;

    @Option(names = "--rounds", description = "Times the table runs in each mode (default: ${DEFAULT-VALUE})",
            defaultValue = "5")
    int rounds;

    @Option(names = "--batch", description = "Cases per script call in batched mode (default: ${DEFAULT-VALUE})",
            defaultValue = "100")
    int batch;

    @Option(names = "--browsers", description = "Comma-separated (default: all installed)", defaultValue = "all")
    String browsers;

    @Mixin
    PlacementOptions placement;

    @Override
    public Integer call() {
        Optional<RunInputs> inputs = RunInputs.resolve(placement, browsers, "", System.err);
        if (inputs.isEmpty()) {
            return RunInputs.BAD_INPUT;
        }
        RunSettings settings = inputs.get().settings();
        // Rows whose server waits on purpose measure that wait, not the suite.
        List<CorsCase> rows = inputs.get().table()
                .filter(c -> c.actual().delayMillis() == 0 && c.preflight().delayMillis() == 0).cases();
        EngineSelection selection = inputs.get().selection();
        boolean met = true;
        try (OriginFleet fleet = settings.addresses().applyTo(OriginFleet.builder().pages(settings.pages())).start()) {
            System.out.printf("bench: %d cases (rows with a server delay left out), %d rounds per mode%n",
                    rows.size(), rounds);
            for (Engine engine : selection.engines()) {
                try (BrowserSession session = engine.start()) {
                    BrowserRun run = new BrowserRun(session, fleet);
                    run.run(rows, batch, Progress.silent());
                    Timing batched = time(run, rows, batch);
                    Timing single = time(run, rows, 1);
                    double ratio = batched.casesPerSecond() / single.casesPerSecond();
                    long disagreements = rows.stream().filter(r -> batched.last().get(r.id()).verdict()
                            != single.last().get(r.id()).verdict()).count();
                    boolean ok = ratio >= TARGET_RATIO && batched.msPerCase() < TARGET_MS_PER_CASE
                            && disagreements == 0;
                    met &= ok;
                    System.out.printf("%-9s %s%n", session.name(), session.version());
                    System.out.printf("  batched (%d per call)  %8.1f cases/s  %6.2f ms/case%n", batch,
                            batched.casesPerSecond(), batched.msPerCase());
                    System.out.printf("  one per call          %8.1f cases/s  %6.2f ms/case%n",
                            single.casesPerSecond(), single.msPerCase());
                    System.out.printf("  ratio %.1fx (target >= %.0fx, < %.0f ms/case), verdicts that differ between "
                            + "modes: %d -> %s%n", ratio, TARGET_RATIO, TARGET_MS_PER_CASE, disagreements,
                            ok ? "met" : "MISSED");
                }
            }
        }
        return met ? 0 : 1;
    }

    private record Timing(long cases, long nanos, Map<String, Observation> last) {
        double casesPerSecond() {
            return cases / (nanos / 1e9);
        }

        double msPerCase() {
            return nanos / 1e6 / cases;
        }
    }

    private Timing time(BrowserRun run, List<CorsCase> rows, int batchSize) {
        Map<String, Observation> last = Map.of();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            last = run.run(rows, batchSize, Progress.silent());
        }
        return new Timing((long) rounds * rows.size(), System.nanoTime() - start, last);
    }
}
