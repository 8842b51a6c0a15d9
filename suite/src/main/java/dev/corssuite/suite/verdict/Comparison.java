package dev.corssuite.suite.verdict;

import dev.corssuite.suite.table.Expectation;
import dev.corssuite.suite.table.Hop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The ways an observation differs from a row's expectation; empty when it matches. */
public final class Comparison {
    private Comparison() {
    }

    public static List<String> differences(Expectation expected, Observation observed) {
        List<String> differences = new ArrayList<>();
        if (expected.verdict() != observed.verdict()) {
            differences.add("verdict: expected " + expected.verdict() + ", got " + observed.verdict()
                    + (observed.page().error() == null ? "" : " (" + observed.page().error() + ")"));
        }
        check(differences, "preflight sent", expected.preflight(), observed.preflightSent());
        check(differences, "actual request reached the server", expected.reached(), observed.actualReached());
        if (expected.requestHeaders() != null) {
            if (observed.requestHeaders() == null) {
                differences.add("Access-Control-Request-Headers: expected '" + expected.requestHeaders()
                        + "', but no preflight arrived");
            } else if (!expected.requestHeaders().equals(observed.requestHeaders())) {
                differences.add("Access-Control-Request-Headers: expected '" + expected.requestHeaders()
                        + "', got '" + observed.requestHeaders() + "'");
            }
        }
        check(differences, "status read by the page", expected.status(), observed.status());
        for (String name : expected.readable()) {
            if (!observed.readable().contains(name)) {
                differences.add("header " + name + ": expected readable, it is not (readable: "
                        + observed.readable().stream().sorted().toList() + ")");
            }
        }
        for (String name : expected.unreadable()) {
            if (observed.readable().contains(name)) {
                differences.add("header " + name + ": expected unreadable, the page read it");
            }
        }
        check(differences, "method the last request arrived with", expected.method(), observed.method());
        if (expected.hops() != null && !Hop.acceptAll(expected.hops(), observed.hops())) {
            differences.add("requests that arrived: expected " + expected.hops() + ", got " + observed.hops());
        }
        check(differences, "preflights sent", expected.preflights(), observed.preflights());
        check(differences, "requests sent", expected.requests(), observed.requests());
        check(differences, "the last request carried the case's cookie", expected.cookie(), observed.cookie());
        check(differences, "a preflight carried the case's cookie", expected.preflightCookie(),
                observed.preflightCookie());
        check(differences, "Origin headers of the preflights", expected.preflightOrigins(),
                observed.preflightOrigins());
        return differences;
    }

    private static void check(List<String> differences, String fact, Object expected, Object observed) {
        if (expected != null && !Objects.equals(expected, observed)) {
            differences.add(fact + ": expected " + expected + ", got " + observed);
        }
    }
}
