package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.table.Answer;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.Expectation;
import dev.corssuite.suite.table.FollowUp;
import dev.corssuite.suite.table.Hop;
import dev.corssuite.suite.table.OriginPlaceholders;
import dev.corssuite.suite.table.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        return FetchOracle.predict(steps, (origin, preflight) -> {
            OriginRole role = roleOf(origin);
            if (role == null) {
                return new OracleAnswer(404, List.of(), 0);
            }
            return answer(preflight ? row.preflightOn(role) : row.actualOn(role));
        });
    }

    private static OracleRequest request(PageRequest r) {
        return new OracleRequest(r.opaqueOrigin() ? "null" : origin(r.from()),
                origin(r.to()) + PATH + (r.query() == null ? "" : "?" + r.query()), r.api(), r.method(), r.headers(),
                r.credentials(), r.mode(), r.uploadListener(), r.timeoutMillis(), r.body() != null, r.bodyStream(),
                r.cookie());
    }

    private static OracleAnswer answer(Answer answer) {
        List<HeaderLine> filled = new ArrayList<>(answer.headers().stream()
                .map(h -> new HeaderLine(h.name(), OriginPlaceholders.fill(h.value(), TableOracle::origin, PATH)))
                .toList());
        // The embedded servers add these to every answer (Undertow); the browser sees them too.
        for (String added : List.of("Content-Length", "Date")) {
            if (filled.stream().noneMatch(h -> h.name().equalsIgnoreCase(added))) {
                filled.add(new HeaderLine(added, added.equals("Date") ? "Thu, 01 Jan 2026 00:00:00 GMT"
                        : String.valueOf(answer.body().length())));
            }
        }
        return new OracleAnswer(answer.status(), filled, answer.delayMillis());
    }

    /** An Origin header value as rows write it: {@code {origin:ROLE}}, {@code null} or empty. */
    private static String originName(String value) {
        OriginRole role = value.isEmpty() || value.equals("null") ? null : roleOf(value);
        return role == null ? value : "{origin:" + role.fileName() + "}";
    }

    /** The requests that arrive, as rows write them: role names and {@code {origin:ROLE}}. */
    static List<Hop> hops(Prediction p) {
        return p.hops().stream().map(h -> {
            OriginRole at = roleOf(h.origin());
            return new Hop(at == null ? h.origin() : at.fileName(), h.method(), originName(h.originHeader()),
                    h.headers(), List.of());
        }).toList();
    }

    /** Where the row's spec expectation and the oracle disagree; empty when they agree on every stated fact. */
    public static List<String> disagreements(CorsCase row) {
        Prediction p = predict(row);
        Expectation e = row.expect();
        List<String> out = new ArrayList<>();
        if (e.verdict() != p.verdict()) {
            out.add("verdict: table " + e.verdict() + ", oracle " + p.verdict());
        }
        compare(out, "preflight", e.preflight(), p.preflight());
        compare(out, "reached", e.reached(), p.reached());
        compare(out, "requestHeaders", e.requestHeaders(), p.requestHeaders());
        compare(out, "status", e.status(), p.status());
        e.readable().stream().filter(n -> !p.readable().contains(n))
                .forEach(n -> out.add("readable " + n + ": table yes, oracle no"));
        e.unreadable().stream().filter(p.readable()::contains)
                .forEach(n -> out.add("unreadable " + n + ": table yes, oracle readable"));
        compare(out, "method", e.method(), p.method());
        if (e.hops() != null) {
            List<Hop> predicted = hops(p);
            boolean same = Hop.acceptAll(e.hops(), predicted);
            if (!same) {
                out.add("hops: table " + e.hops() + ", oracle " + predicted);
            }
        }
        compare(out, "preflights", e.preflights(), p.preflights());
        compare(out, "requests", e.requests(), p.requests());
        compare(out, "cookie", e.cookie(), p.cookie());
        compare(out, "preflightCookie", e.preflightCookie(), p.preflightCookie());
        compare(out, "preflightOrigins", e.preflightOrigins(),
                p.preflightOrigins().stream().map(TableOracle::originName).toList());
        if (!out.isEmpty()) {
            out.add("oracle's reasoning: " + String.join("; ", p.reasons()));
        }
        return out;
    }

    private static void compare(List<String> out, String field, Object table, Object oracle) {
        if (table != null && !Objects.equals(table, oracle)) {
            out.add(field + ": table " + table + ", oracle " + oracle);
        }
    }
}
