package dev.corssuite.suite.runner;

import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.Status;
import dev.corssuite.suite.results.writers.ConsoleSummary;
import dev.corssuite.suite.run.ConformanceRun;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.OriginAddresses;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.verify.ExpressServer;
import dev.corssuite.suite.verify.RequestOutcome;
import dev.corssuite.suite.verify.TargetVerification;
import dev.corssuite.suite.verify.VerifyOptions;
import dev.corssuite.suite.verify.VerifyResult;
import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.verify.matrix.PlannedRequest;
import dev.corssuite.suite.verify.matrix.RequestMatrix;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * A browser killed while a batch's script call is in flight, in both modes: the run completes, that batch's
 * requests are infrastructure errors (never verdicts, never findings), the session restarts and every other request
 * has its verdict; the summary counts the infrastructure errors.
 */
@Test(groups = "browser")
public class BrowserKilledMidBatchTest {
    private static final int BATCH = 10;
    private static final Path ROOT = Path.of(System.getProperty("cors.root", "..")).toAbsolutePath().normalize();

    @DataProvider(name = "engines")
    public Object[][] engines() {
        return EngineSelection.choose(RunSettings.split(System.getProperty("cors.browsers", "all"))).engines()
                .stream().map(e -> new Object[] {e}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "engines")
    public void aTableRunCompletesAndOnlyTheKilledBatchIsInfrastructureErrors(Engine engine) {
        CaseTable all = CaseTable.load(ROOT.resolve("fixtures"));
        List<CorsCase> fast = all.cases().stream().filter(c -> c.then().isEmpty() && c.deviations().isEmpty()
                && c.actual().delayMillis() == 0 && c.preflight().delayMillis() == 0).limit(3 * BATCH - 1).toList();
        // One batch holds a row whose server waits a second: the kill lands while that batch's script call runs.
        CorsCase slow = all.cases().stream().filter(c -> c.then().isEmpty() && c.actual().delayMillis() >= 1000)
                .findFirst().orElseThrow();
        List<CorsCase> rows = new ArrayList<>(fast);
        rows.add(slow);
        Set<String> ids = Set.copyOf(rows.stream().map(CorsCase::id).toList());
        CaseTable table = all.filter(c -> ids.contains(c.id()));
        BrowserKiller killer = new BrowserKiller(keys -> keys.contains(slow.id()), Duration.ofMillis(300));
        Results results;
        try (ConformanceRun run = new ConformanceRun(table, OriginAddresses.of(Optional.empty(), Optional.empty()),
                ROOT.resolve("fixtures").resolve("pages"), BATCH, 1)) {
            results = run.results(List.of(run.run(engine, killer)), Map.of());
        }
        assertEquals(killer.killedBatch().size(), BATCH);
        for (Item item : results.items()) {
            Cell cell = item.cells().get(engine.name());
            if (killer.killedBatch().contains(item.id())) {
                assertEquals(cell.status(), Status.INFRASTRUCTURE_ERROR, item.id() + ": " + cell.details());
                assertTrue(cell.summary().contains("script call failed"), cell.summary());
            } else {
                assertEquals(cell.status(), Status.MATCHED, item.id() + ": " + cell.details());
            }
        }
        assertTrue(ConsoleSummary.counts(results, engine.name()).contains((table.size() - BATCH)
                + " matched, 0 differed, 0 known deviations, " + BATCH + " infrastructure errors"),
                ConsoleSummary.counts(results, engine.name()));
    }

    @Test
    public void aVerifyRunCompletesAndTheKilledBatchIsNeitherAVerdictNorAFinding() throws Exception {
        String name = ((Engine) engines()[0][0]).name();
        // A batch to the hanging endpoint is in flight for the whole timeout when the kill lands.
        Path policy = Files.createTempFile("policy", ".yaml");
        String example = Files.readString(ROOT.resolve("fixtures").resolve("policies").resolve("example-policy.yaml"));
        Files.writeString(policy, example.replace("timeoutMs: 5000", "timeoutMs: 1500")
                .replace("  - path: /api/items", "  - path: /api/items\n  - path: /api/hang"));
        Set<String> toHang = Set.copyOf(RequestMatrix.derive(PolicyLoader.load(policy, ROOT.resolve("fixtures")
                .resolve("schema").resolve("cors-policy.schema.json"))).stream()
                .filter(r -> r.path().equals("/api/hang")).map(PlannedRequest::id).toList());
        BrowserKiller killer = new BrowserKiller(keys -> toHang.containsAll(keys), Duration.ofMillis(300));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerifyResult result;
        try (ExpressServer express = new ExpressServer("correct");
             PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            result = TargetVerification.execute(VerifyOptions.of(express.url().toString(), policy, List.of(name), ROOT)
                    .withListener(killer, BATCH), print, print);
        } finally {
            Files.deleteIfExists(policy);
        }
        String console = out.toString(StandardCharsets.UTF_8);
        System.out.println(console);
        assertEquals(killer.killedBatch().size(), BATCH, name);
        for (RequestOutcome o : result.outcomes()) {
            if (o.notInBrowsers() != null) {
                continue;
            }
            if (killer.killedBatch().contains(o.request().id())) {
                assertTrue(o.browsers().isEmpty(), o.request().id() + " has a verdict: " + o.browsers());
                assertTrue(o.infrastructureErrors().get(name).contains("script call failed"),
                        o.infrastructureErrors().toString());
            } else {
                assertTrue(o.browsers().containsKey(name), o.request().id() + ": " + o.infrastructureErrors());
            }
        }
        assertEquals(result.kinds(), EnumSet.of(FindingKind.NO_ANSWER), "the hang is found; the kill is not: "
                + result.findings());
        assertTrue(console.contains(", " + BATCH + " infrastructure errors"), console);
    }
}
