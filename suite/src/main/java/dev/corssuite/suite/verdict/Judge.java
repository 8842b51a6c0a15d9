package dev.corssuite.suite.verdict;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import dev.corssuite.suite.facts.Facts;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.runner.TrafficSource;
import dev.corssuite.suite.facts.Hop;
import dev.corssuite.suite.facts.Verdict;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Joins the page's result with the server's record. JavaScript cannot tell a CORS block from a network error, so
 * the stage a request failed at comes from what reached the server. In a multi-request case the facts are about
 * the last request: the journal entries after the last mark the probe left before starting it.
 */
public final class Judge {
    private Judge() {
    }

    /** Joins the page's result with what {@code traffic} recorded for the same probe. */
    public static Observation observe(ProbeResult page, List<RecordedRequest> journal, TrafficSource traffic) {
        int lastMark = -1;
        for (int i = 0; i < journal.size(); i++) {
            if (journal.get(i).kind() == RequestKind.MARK) {
                lastMark = i;
            }
        }
        List<RecordedRequest> last = journal.subList(lastMark + 1, journal.size());
        boolean preflight = last.stream().anyMatch(r -> r.kind() == RequestKind.PREFLIGHT);
        List<RecordedRequest> actuals = last.stream().filter(r -> r.kind() == RequestKind.ACTUAL).toList();
        boolean actual = !actuals.isEmpty();
        String requestHeaders = last.stream().filter(r -> r.kind() == RequestKind.PREFLIGHT).findFirst()
                .map(r -> r.header("Access-Control-Request-Headers").orElse("")).orElse(null);
        Verdict verdict;
        if (page.timedOut()) {
            verdict = Verdict.TIMEOUT;
        } else if ("sent".equals(page.type())) {
            // An API that never shows its answer (sendBeacon) succeeds by arriving.
            verdict = actual ? Verdict.ALLOWED : preflight ? Verdict.BLOCKED_AT_PREFLIGHT : Verdict.NOT_SENT;
        } else if (!page.rejected()) {
            verdict = "opaque".equals(page.type()) ? Verdict.OPAQUE : Verdict.ALLOWED;
        } else if (actual) {
            verdict = Verdict.BLOCKED_AT_RESPONSE;
        } else if (preflight) {
            verdict = Verdict.BLOCKED_AT_PREFLIGHT;
        } else {
            verdict = Verdict.NOT_SENT;
        }
        Set<String> readable = page.readable().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<Hop> hops = actuals.stream().map(r -> hop(r, traffic)).toList();
        RecordedRequest arrived = actuals.isEmpty() ? null : actuals.get(actuals.size() - 1);
        int preflights = (int) journal.stream().filter(r -> r.kind() == RequestKind.PREFLIGHT).count();
        int requests = (int) journal.stream().filter(r -> r.kind() == RequestKind.ACTUAL).count();
        Facts facts = new Facts(verdict, preflight, actual, requestHeaders, page.rejected() ? null : page.status(),
                readable, Set.of(), arrived == null ? null : arrived.method(), hops, preflights, requests,
                arrived == null ? null : carriesCookie(arrived),
                journal.stream().filter(r -> r.kind() == RequestKind.PREFLIGHT).anyMatch(Judge::carriesCookie),
                last.stream().filter(r -> r.kind() == RequestKind.PREFLIGHT)
                        .map(r -> r.origin().map(traffic::originName).orElse("")).toList(),
                page.rejected() || page.timedOut() ? null : page.tainted(),
                last.stream().filter(r -> r.kind() == RequestKind.PREFLIGHT).map(r -> hop(r, traffic)).toList());
        return new Observation(facts, page, journal);
    }

    /** A request as it arrived: where, method, Origin as rows write it, every header name and value. */
    private static Hop hop(RecordedRequest r, TrafficSource traffic) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        r.headers().forEach(h -> values.merge(h.name().toLowerCase(Locale.ROOT), h.value(), (a, b) -> a + ", " + b));
        return new Hop(traffic.placeOf(r), r.method(), r.origin().map(traffic::originName).orElse(""),
                List.copyOf(values.keySet()), List.of(), values);
    }

    /** The request carried the cookie its case set ({@code case=<token>}). */
    static boolean carriesCookie(RecordedRequest request) {
        String wanted = OriginFleet.COOKIE_NAME + "=" + request.token();
        return request.headers().stream().filter(h -> h.name().equalsIgnoreCase("Cookie"))
                .flatMap(h -> java.util.Arrays.stream(h.value().split(";")))
                .anyMatch(c -> c.strip().equals(wanted));
    }
}
