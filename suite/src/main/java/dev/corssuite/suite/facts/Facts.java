package dev.corssuite.suite.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a request (the last of a sequence) showed. As an expectation, a null field is not checked, {@code readable}
 * lists names that must be readable and {@code unreadable} names that must not be; as an observation or a
 * prediction, {@code readable} is everything script could read. {@code requestHeaders} is the first preflight's
 * {@code Access-Control-Request-Headers} ("" when it had none; observed null: no preflight); {@code method} and
 * {@code cookie} are about the last request that arrived; {@code preflightOrigins} are the Origin headers of the last
 * request's preflights; {@code preflights} and {@code requests} count what the whole sequence sent. {@code tainted}
 * (elements that may load what script cannot use): the page may use what loaded only as an opaque resource (a
 * canvas it is drawn on refuses readback, its script errors read "Script error.", its cssRules throw); null where
 * the initiator cannot tell. {@code preflightHops}: the last request's preflights as they arrived (where, Origin,
 * headers and their values).
 */
public record Facts(
        Verdict verdict,
        Boolean preflight,
        Boolean reached,
        String requestHeaders,
        Integer status,
        Set<String> readable,
        Set<String> unreadable,
        String method,
        List<Hop> hops,
        Integer preflights,
        Integer requests,
        Boolean cookie,
        Boolean preflightCookie,
        List<String> preflightOrigins,
        Boolean tainted,
        List<Hop> preflightHops) {

    public Facts {
        Objects.requireNonNull(verdict, "verdict");
        readable = readable == null ? Set.of() : Set.copyOf(readable);
        unreadable = unreadable == null ? Set.of() : Set.copyOf(unreadable);
        hops = hops == null ? null : List.copyOf(hops);
        preflightOrigins = preflightOrigins == null ? null : List.copyOf(preflightOrigins);
        preflightHops = preflightHops == null ? null : List.copyOf(preflightHops);
    }

    /** Facts that say nothing about what the preflights carried. */
    public Facts(Verdict verdict, Boolean preflight, Boolean reached, String requestHeaders, Integer status,
                 Set<String> readable, Set<String> unreadable, String method, List<Hop> hops, Integer preflights,
                 Integer requests, Boolean cookie, Boolean preflightCookie, List<String> preflightOrigins,
                 Boolean tainted) {
        this(verdict, preflight, reached, requestHeaders, status, readable, unreadable, method, hops, preflights,
                requests, cookie, preflightCookie, preflightOrigins, tainted, null);
    }

    /** An expectation of the verdict alone. */
    public static Facts verdictOnly(Verdict verdict) {
        return new Facts(verdict, null, null, null, null, Set.of(), Set.of(), null, null, null, null, null, null,
                null, null);
    }

    /**
     * The ways {@code actual} differs from {@code expected}, one line each; empty when every fact the expectation
     * states holds. The one comparison the suite makes: table vs browser, table vs oracle, intent vs browser.
     */
    public static List<String> differences(Facts expected, Facts actual) {
        List<String> out = new ArrayList<>();
        check(out, "verdict", expected.verdict, actual.verdict);
        check(out, "preflight sent", expected.preflight, actual.preflight);
        check(out, "actual request reached the server", expected.reached, actual.reached);
        if (expected.requestHeaders != null && !expected.requestHeaders.equals(actual.requestHeaders)) {
            out.add("Access-Control-Request-Headers: expected '" + expected.requestHeaders + "', "
                    + (actual.requestHeaders == null ? "but no preflight arrived" : "got '" + actual.requestHeaders
                    + "'"));
        }
        check(out, "status read by the page", expected.status, actual.status);
        for (String name : expected.readable) {
            if (!actual.readable.contains(name)) {
                out.add("header " + name + ": expected readable, it is not (readable: "
                        + actual.readable.stream().sorted().toList() + ")");
            }
        }
        for (String name : expected.unreadable) {
            if (actual.readable.contains(name)) {
                out.add("header " + name + ": expected unreadable, the page read it");
            }
        }
        check(out, "method the last request arrived with", expected.method, actual.method);
        if (expected.hops != null && (actual.hops == null || !Hop.acceptAll(expected.hops, actual.hops))) {
            out.add("requests that arrived: expected " + expected.hops + ", got " + Hop.asAskedBy(actual.hops,
                    expected.hops));
        }
        check(out, "preflights sent", expected.preflights, actual.preflights);
        check(out, "requests sent", expected.requests, actual.requests);
        check(out, "the last request carried the case's cookie", expected.cookie, actual.cookie);
        check(out, "a preflight carried the case's cookie", expected.preflightCookie, actual.preflightCookie);
        check(out, "Origin headers of the preflights", expected.preflightOrigins, actual.preflightOrigins);
        check(out, "what loaded is withheld from script (tainted)", expected.tainted, actual.tainted);
        if (expected.preflightHops != null && (actual.preflightHops == null
                || !Hop.acceptAll(expected.preflightHops, actual.preflightHops))) {
            out.add("preflights that arrived: expected " + expected.preflightHops + ", got "
                    + Hop.asAskedBy(actual.preflightHops, expected.preflightHops));
        }
        return out;
    }

    private static void check(List<String> out, String fact, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            out.add(fact + ": expected " + expected + ", got " + actual);
        }
    }
}
