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

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Registers a row's answers on the fleet under a fresh token (on every origin) and builds the probe request for it. */
public final class CaseStager {
    private final OriginFleet fleet;

    public CaseStager(OriginFleet fleet) {
        this.fleet = fleet;
    }

    public StagedCase stage(CorsCase row) {
        // The token is part of {endpoint:ROLE} and {path}: the answers are filled in once it is known.
        String token = fleet.answers().register(row.id(), Map.of());
        String path = fleet.endpointPath(token);
        Map<OriginRole, EndpointBehaviour> byRole = new EnumMap<>(OriginRole.class);
        for (OriginRole role : OriginRole.values()) {
            byRole.put(role, new EndpointBehaviour(canned(row.preflightOn(role), path),
                    canned(row.actualOn(role), path)));
        }
        fleet.answers().replace(token, byRole);
        List<ProbeCase> then = row.then().stream()
                .map(f -> probe(token, f.request(), f.waitMillis(), List.of(), false)).toList();
        return new StagedCase(row, token, probe(token, row.request(), 0, then, row.alone()));
    }

    private ProbeCase probe(String token, PageRequest r, long waitMs, List<ProbeCase> then, boolean alone) {
        String frameOrigin = r.from() == OriginRole.PAGE && !r.opaqueOrigin() ? null : fleet.origin(r.from());
        String url = fleet.endpointUrl(r.to(), token) + (r.query() == null ? "" : "?" + r.query());
        String cookieUrl = r.cookie() == null ? null : fleet.cookieSetterUrl(r.to(), token, r.cookie());
        return new ProbeCase(token, url, r.api(), r.method(),
                r.headers().stream().map(h -> List.of(h.name(), h.value())).toList(), r.body(), r.bodyStream(),
                r.credentials(),
                r.mode(), r.uploadListener(), r.timeoutMillis(), alone, frameOrigin, r.sandboxed(), r.dataDocument(),
                cookieUrl, fleet.markUrl(OriginRole.PAGE, token), waitMs, then);
    }

    /** Forgets a staged case's answers and journal once it is judged. */
    public void release(StagedCase staged) {
        fleet.answers().forget(staged.token());
        fleet.journal().forget(staged.token());
    }

    private CannedAnswer canned(Answer answer, String path) {
        List<HeaderLine> headers = answer.headers().stream()
                .map(h -> new HeaderLine(h.name(), OriginPlaceholders.fill(h.value(), fleet::origin, path))).toList();
        return new CannedAnswer(answer.status(), headers, answer.body(), answer.delayMillis());
    }

    String fill(String value) {
        return OriginPlaceholders.fill(value, fleet::origin);
    }
}
