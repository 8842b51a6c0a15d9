package dev.corssuite.suite.run;

import dev.corssuite.origins.CannedAnswer;
import dev.corssuite.origins.EndpointBehaviour;
import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.probe.ProbeCase;
import dev.corssuite.suite.runner.Job;
import dev.corssuite.suite.runner.Staged;
import dev.corssuite.suite.table.Answer;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.FollowUp;
import dev.corssuite.suite.table.OriginPlaceholders;
import dev.corssuite.suite.table.PageRequest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns rows into runner jobs: each staged under a fresh token, its answers registered on every origin. */
public final class CaseStager {
    private final OriginFleet fleet;

    public CaseStager(OriginFleet fleet) {
        this.fleet = fleet;
    }

    /** The row as a job of the runner; rows share batches in table order. */
    public Job job(CorsCase row) {
        return new Job() {
            @Override
            public String key() {
                return row.id();
            }

            @Override
            public String group() {
                return "";
            }

            @Override
            public Staged stage(String engine) {
                return CaseStager.this.stage(row);
            }

            @Override
            public long waitsMs() {
                return waits(row);
            }
        };
    }

    /**
     * What the row waits for on purpose: its follow-ups' pauses, a slow answer (at most until the page stops
     * waiting), a beacon's settling time in the probe page ({@code BEACON_SETTLE_MS}). A row that runs alone waits
     * on its own anyway.
     */
    static long waits(CorsCase row) {
        if (row.alone()) {
            return 0;
        }
        long slowest = 0;
        for (PageRequest r : row.requests()) {
            long delay = 0;
            for (OriginRole role : OriginRole.values()) {
                delay = Math.max(delay, Math.max(row.preflightOn(role).delayMillis(), row.actualOn(role).delayMillis()));
            }
            long timeout = r.spec().timeoutMs() > 0 ? r.spec().timeoutMs() : delay;
            slowest = Math.max(slowest, Math.min(delay, timeout)
                    + (r.spec().api() == dev.corssuite.suite.request.Initiator.BEACON ? BEACON_SETTLE_MS : 0));
        }
        return slowest + row.then().stream().mapToLong(FollowUp::waitMillis).sum();
    }

    /** probe.js's BEACON_SETTLE_MS: the page waits this long after sendBeacon. */
    private static final long BEACON_SETTLE_MS = 1000;

    public Staged stage(CorsCase row) {
        // The token is part of {endpoint:ROLE} and {path}: the answers are filled in once it is known.
        String token = fleet.answers().register(row.id(), Map.of());
        String path = fleet.endpointPath(token);
        Map<OriginRole, EndpointBehaviour> byRole = new EnumMap<>(OriginRole.class);
        for (OriginRole role : OriginRole.values()) {
            byRole.put(role, new EndpointBehaviour(canned(row.preflightOn(role), path),
                    canned(row.actualOn(role), path), row.revalidated() == null ? null : canned(row.revalidated(), path)));
        }
        fleet.answers().replace(token, byRole);
        List<ProbeCase> then = row.then().stream()
                .map(f -> probe(token, f.request(), f.waitMillis(), List.of(), false)).toList();
        return new Staged(probe(token, row.request(), 0, then, row.alone()), () -> fleet.answers().forget(token));
    }

    private ProbeCase probe(String token, PageRequest r, long waitMs, List<ProbeCase> then, boolean alone) {
        String frameOrigin = r.from() == OriginRole.PAGE && !r.opaqueOrigin() ? null : fleet.origin(r.from());
        String url = fleet.endpointUrl(r.to(), token) + (r.query() == null ? "" : "?" + r.query());
        String cookieUrl = r.cookie() == null ? null : fleet.cookieSetterUrl(r.to(), token, r.cookie());
        return new ProbeCase(token, url, r.spec(), alone, frameOrigin, r.sandboxed(), r.dataDocument(), cookieUrl,
                fleet.markUrl(OriginRole.PAGE, token), waitMs, then);
    }

    private CannedAnswer canned(Answer answer, String path) {
        List<HeaderLine> headers = answer.headers().stream()
                .map(h -> new HeaderLine(h.name(), OriginPlaceholders.fill(h.value(), fleet::origin, path))).toList();
        return new CannedAnswer(answer.status(), headers, answer.body(), answer.delayMillis(), answer.base64Body());
    }

    /** A header value with the fleet's origins filled in ({@code {origin:ROLE}}, {@code {host:ROLE}} ...). */
    String fill(String value) {
        return OriginPlaceholders.fill(value, fleet::origin);
    }
}
