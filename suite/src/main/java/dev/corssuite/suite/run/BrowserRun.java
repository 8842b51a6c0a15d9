package dev.corssuite.suite.run;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.probe.Probe;
import dev.corssuite.suite.probe.ProbeException;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.verdict.Judge;
import dev.corssuite.suite.verdict.Observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs rows in one browser session: one page load, then batches of cases per script call. */
public final class BrowserRun {
    private final BrowserSession session;
    private final OriginFleet fleet;
    private final CaseStager stager;

    public BrowserRun(BrowserSession session, OriginFleet fleet) {
        this.session = session;
        this.fleet = fleet;
        this.stager = new CaseStager(fleet);
        session.open(fleet.url(OriginRole.PAGE, Probe.PAGE));
        String ready = session.evaluateAsync("Promise.resolve(typeof window.corsProbe)", Duration.ofSeconds(10));
        if (!"object".equals(ready)) {
            throw new ProbeException("the probe page at " + fleet.url(OriginRole.PAGE, Probe.PAGE)
                    + " did not load its script in " + session.name() + " (window.corsProbe is " + ready + ")");
        }
    }

    /** An origin as rows write it: {@code {origin:ROLE}} for the fleet's origins, anything else as is. */
    private String originName(String origin) {
        for (OriginRole role : OriginRole.values()) {
            if (fleet.origin(role).equals(origin)) {
                return "{origin:" + role.fileName() + "}";
            }
        }
        return origin;
    }

    /** Runs the rows, {@code batchSize} per script call, and returns each row's observation by id, in row order. */
    public Map<String, Observation> run(List<CorsCase> rows, int batchSize, Progress progress) {
        Map<String, Observation> observations = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (int from = 0; from < rows.size(); from += batchSize) {
            List<StagedCase> batch = new ArrayList<>();
            for (CorsCase row : rows.subList(from, Math.min(rows.size(), from + batchSize))) {
                batch.add(stager.stage(row));
            }
            List<ProbeResult> results = Probe.run(session, batch.stream().map(StagedCase::probe).toList());
            for (int i = 0; i < batch.size(); i++) {
                StagedCase staged = batch.get(i);
                observations.put(staged.row().id(),
                        Judge.observe(results.get(i), fleet.journal().requests(staged.token()), this::originName));
                stager.release(staged);
            }
            progress.update(session.name(), observations.size(), rows.size(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
        return observations;
    }
}
