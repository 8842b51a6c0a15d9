package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.table.Answer;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.Expectation;
import dev.corssuite.suite.table.OriginPlaceholders;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs a table row through the {@link FetchOracle} with stand-in origins, and compares with the row's expectation. */
public final class TableOracle {
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

    public static Prediction predict(CorsCase row) {
        var r = row.request();
        OracleRequest request = new OracleRequest(r.sandboxed() ? "null" : origin(r.from()), origin(r.to()), r.api(), r.method(), r.headers(),
                r.credentials(), r.mode(), r.uploadListener(), r.timeoutMillis());
        return FetchOracle.predict(request, answer(row.preflight()), answer(row.actual()));
    }

    private static OracleAnswer answer(Answer answer) {
        List<HeaderLine> filled = new ArrayList<>(answer.headers().stream()
                .map(h -> new HeaderLine(h.name(), OriginPlaceholders.fill(h.value(), TableOracle::origin))).toList());
        // The embedded servers add these to every answer (Undertow); the browser sees them too.
        for (String added : List.of("Content-Length", "Date")) {
            if (filled.stream().noneMatch(h -> h.name().equalsIgnoreCase(added))) {
                filled.add(new HeaderLine(added, added.equals("Date") ? "Thu, 01 Jan 2026 00:00:00 GMT"
                        : String.valueOf(answer.body().length())));
            }
        }
        return new OracleAnswer(answer.status(), filled, answer.delayMillis());
    }

    /** Where the row's spec expectation and the oracle disagree; empty when they agree on every stated fact. */
    public static List<String> disagreements(CorsCase row) {
        Prediction p = predict(row);
        Expectation e = row.expect();
        List<String> out = new ArrayList<>();
        if (e.verdict() != p.verdict()) {
            out.add("verdict: table " + e.verdict() + ", oracle " + p.verdict());
        }
        if (e.preflight() != null && e.preflight() != p.preflight()) {
            out.add("preflight: table " + e.preflight() + ", oracle " + p.preflight());
        }
        if (e.reached() != null && e.reached() != p.reached()) {
            out.add("reached: table " + e.reached() + ", oracle " + p.reached());
        }
        if (e.requestHeaders() != null && !Objects.equals(e.requestHeaders(), p.requestHeaders())) {
            out.add("requestHeaders: table '" + e.requestHeaders() + "', oracle '" + p.requestHeaders() + "'");
        }
        if (e.status() != null && !Objects.equals(e.status(), p.status())) {
            out.add("status: table " + e.status() + ", oracle " + p.status());
        }
        e.readable().stream().filter(n -> !p.readable().contains(n))
                .forEach(n -> out.add("readable " + n + ": table yes, oracle no"));
        e.unreadable().stream().filter(p.readable()::contains)
                .forEach(n -> out.add("unreadable " + n + ": table yes, oracle readable"));
        if (!out.isEmpty()) {
            out.add("oracle's reasoning: " + String.join("; ", p.reasons()));
        }
        return out;
    }
}
