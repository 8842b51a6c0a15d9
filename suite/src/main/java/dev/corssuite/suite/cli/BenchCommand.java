package dev.corssuite.suite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.corssuite.origins.CannedAnswer;
import dev.corssuite.origins.EndpointBehaviour;
import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.oracle.OracleAnswer;
import dev.corssuite.suite.probe.Probe;
import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.run.CaseStager;
import dev.corssuite.suite.run.ConformanceRun;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.FleetTraffic;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.runner.Job;
import dev.corssuite.suite.runner.ProbeOutcome;
import dev.corssuite.suite.runner.Runner;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.verify.TargetVerification;
import dev.corssuite.suite.verify.VerifyOptions;
import dev.corssuite.suite.verify.VerifyResult;
import dev.corssuite.suite.verify.matrix.PolicyIntent;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * What users wait for, measured in one run and each against its target (MET or MISSED), also as JSON: the probe's
 * own cost (batched vs one case per script call, on rows that do not wait), the whole table in every engine one
 * after the other vs side by side, and verify's cost per request per engine against a local server at 1, 10 and 50
 * endpoints. Exit 1 when a target is missed.
 */
@Command(name = "bench", description = "Measure what users wait for: the probe's cost, the whole table serial vs "
        + "side by side, verify throughput per engine; each against its target.")
final class BenchCommand implements Callable<Integer> {
    static final double TARGET_RATIO = 10.0;
    static final double TARGET_MS_PER_CASE = 10.0;
    static final double TARGET_TABLE_SECONDS = 15.0;
    static final double TARGET_MS_PER_REQUEST = 5.0;
    static final int TARGET_REQUESTS = 1000;
    static final List<Integer> ENDPOINTS = List.of(1, 10, 50);

    @Option(names = "--rounds", description = "Times the probe section runs each mode (default: ${DEFAULT-VALUE})",
            defaultValue = "5")
    int rounds;

    @Option(names = "--batch", description = "Cases per script call in batched mode (default: ${DEFAULT-VALUE})",
            defaultValue = "100")
    int batch;

    @Option(names = "--browsers", description = "Comma-separated (default: all installed)", defaultValue = "all")
    String browsers;

    @Option(names = "--json", description = "Where the numbers go as JSON (default: reports/out/bench.json)")
    Path json;

    @Mixin
    PlacementOptions placement;

    private final Map<String, Object> numbers = new LinkedHashMap<>();
    private boolean met = true;

    @Override
    public Integer call() throws IOException {
        RunSettings settings;
        CaseTable table;
        EngineSelection selection;
        try {
            settings = placement.settings(browsers, "", null);
            table = settings.table();
            selection = settings.engines();
        } catch (InvalidInputException | IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            return RunCommand.BAD_INPUT;
        }
        probeCost(settings, table, selection);
        wholeTable(settings, table, selection);
        verifyThroughput(settings.root(), selection);
        Path file = json != null ? json : settings.root().resolve("reports").resolve("out").resolve("bench.json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), numbers);
        System.out.println("JSON: " + file);
        return met ? 0 : 1;
    }

    private String verdict(boolean ok) {
        met &= ok;
        return ok ? "MET" : "MISSED";
    }

    /** Section 1: the probe's own cost, batched vs one case per script call, on rows whose server does not wait. */
    private void probeCost(RunSettings settings, CaseTable table, EngineSelection selection) {
        List<CorsCase> rows = table.filter(c -> c.actual().delayMillis() == 0 && c.preflight().delayMillis() == 0
                && c.then().isEmpty()).cases();
        System.out.printf("1. The probe's own cost: %d cases that do not wait, %d rounds per mode%n", rows.size(),
                rounds);
        Map<String, Object> section = new LinkedHashMap<>();
        try (OriginFleet fleet = settings.addresses().applyTo(OriginFleet.builder().pages(settings.pages())).start()) {
            CaseStager stager = new CaseStager(fleet);
            List<Job> jobs = rows.stream().map(stager::job).toList();
            for (Engine engine : selection.engines()) {
                try (Runner run = new Runner(engine::start, fleet.url(OriginRole.PAGE, Probe.PAGE),
                        new FleetTraffic(fleet), batch, new Runner.Listener() { })) {
                    run.run(jobs);
                    Timing batched = time(run, jobs, batch);
                    Timing single = time(run, jobs, 1);
                    double ratio = batched.perSecond() / single.perSecond();
                    long differ = rows.stream().filter(r -> !verdict(batched, r).equals(verdict(single, r))).count();
                    boolean ok = ratio >= TARGET_RATIO && batched.msEach() < TARGET_MS_PER_CASE && differ == 0;
                    System.out.printf("   %-9s batched %6.2f ms/case, one per call %6.2f ms/case: %.1fx (target >= "
                            + "%.0fx and < %.0f ms/case; verdicts that differ: %d) %s%n", engine.name(),
                            batched.msEach(), single.msEach(), ratio, TARGET_RATIO, TARGET_MS_PER_CASE, differ,
                            verdict(ok));
                    section.put(engine.name(), Map.of("batchedMsPerCase", batched.msEach(), "singleMsPerCase",
                            single.msEach(), "ratio", ratio, "verdictsThatDiffer", differ, "met", ok));
                }
            }
        }
        numbers.put("probe", section);
    }

    private static String verdict(Timing timing, CorsCase row) {
        ProbeOutcome outcome = timing.last().get(row.id());
        return outcome.observed() ? outcome.observation().verdict().name() : "infrastructure error";
    }

    private record Timing(long count, long nanos, Map<String, ProbeOutcome> last) {
        double perSecond() {
            return count / (nanos / 1e9);
        }

        double msEach() {
            return nanos / 1e6 / count;
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

    /** Section 2: the whole table in every engine, browser starts included: one after the other vs side by side. */
    private void wholeTable(RunSettings settings, CaseTable table, EngineSelection selection) {
        System.out.printf("2. The whole table (%d cases) in %d engine(s), browser starts included%n", table.size(),
                selection.engines().size());
        try (ConformanceRun run = new ConformanceRun(table, settings.addresses(), settings.pages())) {
            long start = System.nanoTime();
            Results serial = run.runAll(selection, false, new Runner.Listener() { });
            double serialSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            Results parallel = run.runAll(selection, true, new Runner.Listener() { });
            double parallelSeconds = (System.nanoTime() - start) / 1e9;
            long differ = differing(serial, parallel);
            boolean ok = parallelSeconds <= TARGET_TABLE_SECONDS && differ == 0;
            System.out.printf("   one after the other %.1f s, side by side %.1f s (target <= %.0f s side by side; "
                    + "cells that differ between the two: %d) %s%n", serialSeconds, parallelSeconds,
                    TARGET_TABLE_SECONDS, differ, verdict(ok));
            numbers.put("table", Map.of("cases", table.size(), "engines", selection.engines().size(), "serialSeconds",
                    serialSeconds, "parallelSeconds", parallelSeconds, "cellsThatDiffer", differ, "met", ok));
        }
    }

    private static long differing(Results a, Results b) {
        long differ = 0;
        for (int i = 0; i < a.items().size(); i++) {
            Item x = a.items().get(i);
            Item y = b.items().get(i);
            for (Map.Entry<String, Cell> cell : x.cells().entrySet()) {
                Cell other = y.cells().get(cell.getKey());
                if (other == null || other.status() != cell.getValue().status()
                        || !Objects.equals(other.verdict(), cell.getValue().verdict())) {
                    differ++;
                }
            }
        }
        return differ;
    }

    /**
     * Section 3: verify against the suite's own origins answering as the example policy says, at 1, 10 and 50
     * endpoints, one engine at a time; the cost added per request is the slope between the smallest and the largest.
     */
    private void verifyThroughput(Path root, EngineSelection selection) throws IOException {
        Path schema = root.resolve("fixtures").resolve("schema").resolve("cors-policy.schema.json");
        CorsPolicy example = PolicyLoader.load(root.resolve("fixtures").resolve("policies")
                .resolve("example-policy.yaml"), schema);
        String allowed = example.origins().get(0).example();
        OracleAnswer preflight = PolicyIntent.idealPreflight(example, allowed);
        OracleAnswer actual = PolicyIntent.idealActual(example, allowed);
        EndpointBehaviour asThePolicySays = new EndpointBehaviour(new CannedAnswer(preflight.status(),
                preflight.headers(), "", 0), new CannedAnswer(actual.status(), actual.headers(), "{}", 0));
        System.out.printf("3. Verify against a local server answering as %s says, at %s endpoints%n", example.file(),
                ENDPOINTS);
        Map<String, Object> section = new LinkedHashMap<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (Engine engine : selection.engines()) {
            List<long[]> points = new ArrayList<>();
            try (OriginFleet server = OriginFleet.builder().pages(root.resolve("fixtures").resolve("pages")).start()) {
                for (int endpoints : ENDPOINTS) {
                    Path policy = Files.createTempFile("bench-policy", ".yaml");
                    try {
                        StringBuilder yaml = new StringBuilder(Files.readString(root.resolve("fixtures")
                                .resolve("policies").resolve("example-policy.yaml")).replaceAll("(?s)endpoints:.*",
                                "endpoints:\n"));
                        for (int i = 0; i < endpoints; i++) {
                            yaml.append("  - path: ").append(server.endpointPath(server.answers()
                                    .register("bench-" + i, asThePolicySays))).append('\n');
                        }
                        Files.writeString(policy, yaml);
                        long start = System.nanoTime();
                        VerifyResult result = TargetVerification.execute(VerifyOptions.of(
                                server.origin(OriginRole.CROSS_PORT), policy, List.of(engine.name()), root)
                                .withListener(new Runner.Listener() { }, VerifyOptions.BATCH_SIZE), quiet, quiet);
                        long nanos = System.nanoTime() - start;
                        long requests = result.outcomes().stream().filter(o -> o.browsers().containsKey(engine.name()))
                                .count();
                        points.add(new long[] {endpoints, requests, nanos});
                        System.out.printf("   %-9s %2d endpoint(s): %5d requests in %.1f s%n", engine.name(),
                                endpoints, requests, nanos / 1e9);
                    } finally {
                        Files.deleteIfExists(policy);
                    }
                }
            }
            long[] first = points.get(0);
            long[] last = points.get(points.size() - 1);
            double msPerRequest = (last[2] - first[2]) / 1e6 / Math.max(1, last[1] - first[1]);
            double msPerEndpoint = (last[2] - first[2]) / 1e6 / Math.max(1, last[0] - first[0]);
            boolean ok = msPerRequest <= TARGET_MS_PER_REQUEST && last[1] >= TARGET_REQUESTS;
            System.out.printf("   %-9s cost added: %.2f ms per request, %.0f ms per endpoint (target <= %.0f ms per "
                    + "request at >= %d requests) %s%n", engine.name(), msPerRequest, msPerEndpoint,
                    TARGET_MS_PER_REQUEST, TARGET_REQUESTS, verdict(ok));
            section.put(engine.name(), Map.of("points", points.stream().map(p -> Map.of("endpoints", p[0],
                    "requests", p[1], "seconds", p[2] / 1e9)).toList(), "msPerRequest", msPerRequest,
                    "msPerEndpoint", msPerEndpoint, "met", ok));
        }
        numbers.put("verify", section);
    }
}
