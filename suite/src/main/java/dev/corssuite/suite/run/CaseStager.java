package dev.corssuite.suite.run;

import dev.corssuite.origins.CannedAnswer;
import dev.corssuite.origins.EndpointBehaviour;
import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.probe.ProbeCase;
import dev.corssuite.suite.table.Answer;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.OriginPlaceholders;
import dev.corssuite.suite.table.PageRequest;

import java.util.List;

/** Registers a row's answers on the fleet under a fresh token and builds the probe request for it. */
public final class CaseStager {
    private final OriginFleet fleet;

    public CaseStager(OriginFleet fleet) {
        this.fleet = fleet;
    }

    public StagedCase stage(CorsCase row) {
        String token = fleet.answers().register(row.id(),
                new EndpointBehaviour(canned(row.preflight()), canned(row.actual())));
        PageRequest r = row.request();
        String frameOrigin = r.from() == OriginRole.PAGE && !r.sandboxed() ? null : fleet.origin(r.from());
        ProbeCase probe = new ProbeCase(token, fleet.endpointUrl(r.to(), token), r.api(), r.method(),
                r.headers().stream().map(h -> List.of(h.name(), h.value())).toList(), r.body(), r.credentials(),
                r.mode(), r.uploadListener(), r.timeoutMillis(), row.alone(), frameOrigin, r.sandboxed());
        return new StagedCase(row, token, probe);
    }

    /** Forgets a staged case's answers and journal once it is judged. */
    public void release(StagedCase staged) {
        fleet.answers().forget(staged.token());
        fleet.journal().forget(staged.token());
    }

    private CannedAnswer canned(Answer answer) {
        List<HeaderLine> headers = answer.headers().stream()
                .map(h -> new HeaderLine(h.name(), fill(h.value()))).toList();
        return new CannedAnswer(answer.status(), headers, answer.body(), answer.delayMillis());
    }

    String fill(String value) {
        return OriginPlaceholders.fill(value, fleet::origin);
    }
}
