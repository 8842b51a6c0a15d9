package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.table.Answer;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.FollowUp;
import dev.corssuite.suite.facts.Facts;
import dev.corssuite.suite.facts.Hop;
import dev.corssuite.suite.request.Origin;
import dev.corssuite.suite.table.OriginPlaceholders;
import dev.corssuite.suite.table.PageRequest;

import java.util.ArrayList;
import java.util.List;

/** Runs a table row through the {@link FetchOracle} with stand-in origins, and compares with the row's expectation. */
public final class TableOracle {
    private static final String PATH = "/cors/case";

    private TableOracle() {
    }

    /** Stand-in origins, distinct as the fleet's are; ports are never compared, only equality. */
    static String origin(OriginRole role) {
        return switch (role) {
            case PAGE -> "http://localhost:1001";
            case CROSS_PORT -> "http://localhost:1002";
            case CROSS_HOST -> "http://127.0.0.1:1003";
            case REDIRECT_HOP -> "http://127.0.0.1:1004";
        };
    }

    private static OriginRole roleOf(String origin) {
        for (OriginRole role : OriginRole.values()) {
            if (origin(role).equals(origin)) {
                return role;
            }
        }
        return null;
    }

    public static Prediction predict(CorsCase row) {
        List<OracleStep> steps = new ArrayList<>();
        steps.add(new OracleStep(request(row.request()), 0));
        for (FollowUp next : row.then()) {
            steps.add(new OracleStep(request(next.request()), next.waitMillis()));
        }
        return FetchOracle.predict(steps, new OracleServer() {
            @Override
            public OracleAnswer answer(String origin, boolean preflight) {
                OriginRole role = roleOf(origin);
                if (role == null) {
                    return new OracleAnswer(404, List.of(), 0);
                }
                return TableOracle.answer(preflight ? row.preflightOn(role) : row.actualOn(role));
            }

            @Override
            public OracleAnswer conditional(String origin) {
                return row.revalidated() == null || roleOf(origin) == null ? answer(origin, false)
                        : TableOracle.answer(row.revalidated());
            }
        });
    }

    private static OracleRequest request(PageRequest r) {
        return new OracleRequest(r.opaqueOrigin() ? Origin.OPAQUE : origin(r.from()),
                origin(r.to()) + PATH + (r.query() == null ? "" : "?" + r.query()), r.spec(), r.cookie());
    }

    private static OracleAnswer answer(Answer answer) {
        List<HeaderLine> filled = new ArrayList<>(answer.headers().stream()
                .map(h -> new HeaderLine(h.name(), OriginPlaceholders.fill(h.value(), TableOracle::origin, PATH)))
                .toList());
        // The embedded servers add these to every answer (Undertow); the browser sees them too.
        for (String added : List.of("Content-Length", "Date")) {
            if (filled.stream().noneMatch(h -> h.name().equalsIgnoreCase(added))) {
                filled.add(new HeaderLine(added, added.equals("Date") ? "Thu, 01 Jan 2026 00:00:00 GMT"
                        : String.valueOf(answer.bodyLength())));
            }
        }
        return new OracleAnswer(answer.status(), filled, answer.delayMillis());
    }

    /** An Origin header value as rows write it: {@code {origin:ROLE}}, {@code null} or empty. */
    private static String originName(String value) {
        OriginRole role = value.isEmpty() || value.equals("null") ? null : roleOf(value);
        return role == null ? value : "{origin:" + role.fileName() + "}";
    }

    /** The prediction's facts as rows write them: hops at role names, Origin headers as {@code {origin:ROLE}}. */
    static Facts asRowsWriteIt(Facts p) {
        return new Facts(p.verdict(), p.preflight(), p.reached(), p.requestHeaders(), p.status(), p.readable(),
                p.unreadable(), p.method(), asRowsWriteIt(p.hops()), p.preflights(), p.requests(), p.cookie(),
                p.preflightCookie(), p.preflightOrigins().stream().map(TableOracle::originName).toList(), p.tainted(),
                p.preflightHops() == null ? null : asRowsWriteIt(p.preflightHops()));
    }

    private static List<Hop> asRowsWriteIt(List<Hop> hops) {
        return hops.stream().map(h -> {
            OriginRole at = roleOf(h.at());
            return new Hop(at == null ? h.at() : at.fileName(), h.method(), originName(h.origin()), h.with(),
                    List.of(), h.values());
        }).toList();
    }

    /** Where the row's spec expectation and the oracle disagree; empty when they agree on every stated fact. */
    public static List<String> disagreements(CorsCase row) {
        Prediction p = predict(row);
        List<String> out = new ArrayList<>(Facts.differences(row.expect(), asRowsWriteIt(p.facts())));
        if (!out.isEmpty()) {
            out.add("oracle's reasoning: " + String.join("; ", p.reasons()));
        }
        return out;
    }
}
