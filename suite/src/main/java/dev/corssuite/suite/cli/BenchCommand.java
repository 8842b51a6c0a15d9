package dev.corssuite.suite.cli;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.browser.Engine;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.probe.Probe;
import dev.corssuite.suite.run.CaseStager;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.FleetTraffic;
import dev.corssuite.suite.run.OriginAddresses;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.runner.Job;
import dev.corssuite.suite.runner.ProbeOutcome;
import dev.corssuite.suite.runner.Runner;
import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.table.CorsCase;
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
        RunSettings settings;
        List<CorsCase> rows;
        EngineSelection selection;
        try {
            settings = new RunSettings(RunSettings.projectRoot(), RunSettings.split(browsers), List.of(), null,
                    Optional.ofNullable(placement.grid), OriginAddresses.of(Optional.ofNullable(placement.bind),
                    Optional.ofNullable(placement.advertiseHost)));
            // Rows whose server waits on purpose measure that wait, not the suite.
            rows = settings.table().filter(c -> c.actual().delayMillis() == 0 && c.preflight().delayMillis() == 0)
                    .cases();
            selection = settings.engines();
        } catch (InvalidInputException | IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            return RunCommand.BAD_INPUT;
        }
        boolean met = true;
        try (OriginFleet fleet = settings.addresses().applyTo(OriginFleet.builder().pages(settings.pages())).start()) {
            System.out.printf("bench: %d cases (rows with a server delay left out), %d rounds per mode%n",
                    rows.size(), rounds);
            CaseStager stager = new CaseStager(fleet);
            List<Job> jobs = rows.stream().map(stager::job).toList();
            for (Engine engine : selection.engines()) {
                try (Runner run = new Runner(engine::start, fleet.url(OriginRole.PAGE, Probe.PAGE),
                        new FleetTraffic(fleet), batch, new Runner.Listener() { })) {
                    BrowserSession session = run.session();
                    run.run(jobs);
                    Timing batched = time(run, jobs, batch);
                    Timing single = time(run, jobs, 1);
                    double ratio = batched.casesPerSecond() / single.casesPerSecond();
                    long disagreements = rows.stream().filter(r -> !verdict(batched, r).equals(verdict(single, r)))
                            .count();
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

    private static String verdict(Timing timing, CorsCase row) {
        ProbeOutcome outcome = timing.last().get(row.id());
        return outcome.observed() ? outcome.observation().verdict().name() : "infrastructure error";
    }

    private record Timing(long cases, long nanos, Map<String, ProbeOutcome> last) {
        double casesPerSecond() {
            return cases / (nanos / 1e9);
        }

        double msPerCase() {
            return nanos / 1e6 / cases;
        }
    }

    private Timing time(Runner run, List<Job> jobs, int batchSize) {
        Map<String, ProbeOutcome> last = Map.of();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            last = run.run(jobs, batchSize);
        }
        return new Timing((long) rounds * jobs.size(), System.nanoTime() - start, last);
    }
}
