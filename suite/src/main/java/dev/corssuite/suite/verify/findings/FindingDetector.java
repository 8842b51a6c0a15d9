package dev.corssuite.suite.verify.findings;

import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.verdict.Observation;
import dev.corssuite.suite.verify.RequestOutcome;
import dev.corssuite.suite.verify.direct.RawAnswer;
import dev.corssuite.suite.verify.matrix.OriginKind;
import dev.corssuite.suite.verify.matrix.PlannedRequest;
import dev.corssuite.suite.verify.policy.CorsPolicy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads the outcomes of a run and lists each misconfiguration once, with every piece of evidence for it. */
public final class FindingDetector {
    private static final Set<OriginKind> LOOKALIKES = Set.of(OriginKind.PREFIX, OriginKind.SUFFIX,
            OriginKind.UNESCAPED_DOT, OriginKind.SPECIAL_CHARACTER, OriginKind.HTTP_VARIANT,
            OriginKind.UNLISTED_SUBDOMAIN);
    private static final Set<String> SAFELISTED_RESPONSE = Set.of("cache-control", "content-language",
            "content-length", "content-type", "expires", "last-modified", "pragma");

    private final CorsPolicy policy;
    private final Map<FindingKind, Set<String>> evidence = new EnumMap<>(FindingKind.class);

    private FindingDetector(CorsPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param errorAnswer the answer to a path that does not exist, requested from an allowed origin (null if none)
     */
    public static List<Finding> detect(CorsPolicy policy, List<RequestOutcome> outcomes, RawAnswer errorAnswer,
                                       String errorRequest) {
        FindingDetector d = new FindingDetector(policy);
        Set<String> hostileAllowed = new HashSet<>();
        for (RequestOutcome o : outcomes) {
            d.originChecks(o, hostileAllowed);
            d.answerChecks(o);
        }
        d.varyCheck(outcomes);
        d.errorChecks(outcomes, errorAnswer, errorRequest);
        for (RequestOutcome o : outcomes) {
            d.browserChecks(o, hostileAllowed);
            d.webSocketChecks(o);
        }
        List<Finding> findings = new ArrayList<>();
        d.evidence.forEach((kind, lines) -> findings.add(new Finding(kind, List.copyOf(lines))));
        return findings;
    }

    private void add(FindingKind kind, String line) {
        evidence.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(line);
    }

    private static String who(PlannedRequest r) {
        return r.method() + " " + r.path() + r.usedAs() + " with Origin: " + r.from().origin()
                + (r.credentialed() ? " (credentialed)" : "");
    }

    private void originChecks(RequestOutcome o, Set<String> hostileAllowed) {
        PlannedRequest r = o.request();
        if (!r.from().hostile()) {
            return;
        }
        eachAnswer(o, (kindOfAnswer, answer) -> {
            Optional<String> acao = answer.header("Access-Control-Allow-Origin");
            if (acao.isEmpty() || !acao.get().equals(r.from().origin())) {
                return;
            }
            String line = kindOfAnswer + " " + r.path() + " with Origin: " + r.from().origin() + " -> "
                    + answer.corsSummary() + browserFreeNote(o, answer);
            FindingKind kind = r.from().kind() == OriginKind.STRANGER ? FindingKind.ORIGIN_REFLECTED
                    : r.from().kind() == OriginKind.NULL ? FindingKind.NULL_ALLOWED
                    : LOOKALIKES.contains(r.from().kind()) ? FindingKind.LOOKALIKE_ALLOWED : null;
            if (kind != null) {
                add(kind, line + (kind == FindingKind.LOOKALIKE_ALLOWED ? "  [" + r.from().kind().description()
                        + " of " + r.from().lookalikeOf() + "]" : ""));
                hostileAllowed.add(r.from().origin());
            }
        });
    }

    private void answerChecks(RequestOutcome o) {
        PlannedRequest r = o.request();
        eachAnswer(o, (kindOfAnswer, answer) -> {
            if ("*".equals(answer.header("Access-Control-Allow-Origin").orElse(""))
                    && "true".equals(answer.header("Access-Control-Allow-Credentials").orElse(""))) {
                add(FindingKind.WILDCARD_WITH_CREDENTIALS, kindOfAnswer + " " + r.path() + " -> "
                        + answer.corsSummary() + browserFreeNote(o, answer));
            }
        });
        RawAnswer preflight = o.direct().preflight();
        if (preflight == null || !preflight.answered()) {
            return;
        }
        answer(preflight.header("Access-Control-Max-Age")).ifPresent(age -> {
            if (age > 600) {
                add(FindingKind.MAX_AGE_ABOVE_CAPS, "OPTIONS " + r.path() + " -> Access-Control-Max-Age: " + age
                        + "; honoured as " + Math.min(age, 600) + " s in WebKit, " + Math.min(age, 7200)
                        + " s in Chromium, " + Math.min(age, 86400) + " s in Firefox");
            }
        });
        if (r.from().hostile() || !policy.allowsMethod(r.method()) || r.headerSet().equals("unlisted")) {
            return;
        }
        int status = preflight.status();
        if (status == 401 || status == 403 || (status >= 300 && status < 400)) {
            add(FindingKind.PREFLIGHT_REFUSED, "OPTIONS " + r.path() + " for " + who(r) + " -> "
                    + preflight.corsSummary());
        } else if (status == 404 || status == 405 || status == 501) {
            add(FindingKind.OPTIONS_NOT_ROUTED, "OPTIONS " + r.path() + " for " + who(r) + " -> "
                    + preflight.corsSummary());
        } else if (policy.credentials() && r.credentialed() && status >= 200 && status < 300
                && r.from().origin().equals(preflight.header("Access-Control-Allow-Origin").orElse(""))
                && !"true".equals(preflight.header("Access-Control-Allow-Credentials").orElse(""))) {
            add(FindingKind.PREFLIGHT_WITHOUT_CREDENTIALS, "OPTIONS " + r.path() + " for " + who(r) + " -> "
                    + preflight.corsSummary() + "; the " + r.method() + " answer: "
                    + o.direct().actual().corsSummary());
        }
    }

    private static Optional<Integer> answer(Optional<String> value) {
        try {
            return value.map(String::trim).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void varyCheck(List<RequestOutcome> outcomes) {
        Map<String, Set<String>> values = new HashMap<>();
        for (RequestOutcome o : outcomes) {
            eachAnswer(o, (kind, answer) -> values.computeIfAbsent(kind + " " + o.request().path(),
                    k -> new HashSet<>()).add(answer.header("Access-Control-Allow-Origin").orElse("")));
        }
        for (RequestOutcome o : outcomes) {
            eachAnswer(o, (kind, answer) -> {
                String acao = answer.header("Access-Control-Allow-Origin").orElse("");
                if (!acao.isEmpty() && !acao.equals("*") && !answer.varies("Origin")
                        && values.get(kind + " " + o.request().path()).size() > 1) {
                    add(FindingKind.MISSING_VARY, kind + " " + o.request().path() + " with Origin: "
                            + o.request().from().origin() + " -> " + answer.corsSummary() + " (other origins get "
                            + "other values)" + browserFreeNote(o, answer));
                }
            });
        }
    }

    private void errorChecks(List<RequestOutcome> outcomes, RawAnswer errorAnswer, String errorRequest) {
        // CORS headers mean nothing to a WebSocket handshake: its refusals are no error answers here
        outcomes = outcomes.stream().filter(o -> !o.request().spec().api().webSocket()).toList();
        boolean corsOnSuccess = outcomes.stream().anyMatch(o -> !o.request().from().hostile() && browserSends(o)
                && o.direct().actual().answered() && o.direct().actual().status() < 400
                && o.direct().actual().header("Access-Control-Allow-Origin").isPresent());
        if (!corsOnSuccess) {
            return;
        }
        for (RequestOutcome o : outcomes) {
            RawAnswer actual = o.direct().actual();
            if (!o.request().from().hostile() && browserSends(o) && actual.answered() && actual.status() >= 400
                    && actual.header("Access-Control-Allow-Origin").isEmpty()) {
                add(FindingKind.NO_CORS_ON_ERRORS, who(o.request()) + " -> " + actual.corsSummary());
            }
        }
        if (errorAnswer != null && errorAnswer.answered() && errorAnswer.status() >= 400
                && errorAnswer.header("Access-Control-Allow-Origin").isEmpty()) {
            add(FindingKind.NO_CORS_ON_ERRORS, errorRequest + " -> " + errorAnswer.corsSummary());
        }
    }

    private void browserChecks(RequestOutcome o, Set<String> hostileAllowed) {
        PlannedRequest r = o.request();
        if (!o.direct().actual().answered() || (o.direct().preflight() != null && !o.direct().preflight().answered())) {
            add(FindingKind.NO_ANSWER, who(r) + ": " + o.answersSummary()
                    + browserFreeNote(o, o.direct().actual()));
        }
        List<String> blocked = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (Map.Entry<String, Observation> e : o.browsers().entrySet()) {
            Verdict v = e.getValue().verdict();
            if (o.knownDeviation(e.getKey()).isPresent()) {
                continue;
            }
            if (v == Verdict.TIMEOUT) {
                add(FindingKind.NO_ANSWER, who(r) + ": " + e.getKey() + " gave up after " + policy.timeoutMs()
                        + " ms");
            } else if (o.intendedAllowed() && v != Verdict.ALLOWED) {
                blocked.add(e.getKey() + " " + v);
            } else if (!o.intendedAllowed() && v == Verdict.ALLOWED) {
                allowed.add(e.getKey());
            }
            // An element or a font never shows response headers to script: nothing to read there.
            if (v == Verdict.ALLOWED && o.intendedAllowed() && r.spec().api().observesResponse()) {
                for (String exposed : policy.exposedHeaders()) {
                    String name = exposed.toLowerCase(Locale.ROOT);
                    if (!name.equals("*") && !SAFELISTED_RESPONSE.contains(name)
                            && o.direct().actual().header(exposed).isPresent()
                            && !e.getValue().facts().readable().contains(name)) {
                        add(FindingKind.EXPOSED_HEADER_UNREADABLE, who(r) + ": " + exposed + " sent but not readable in "
                                + e.getKey() + "; answer: " + o.direct().actual().corsSummary());
                    }
                }
            }
        }
        String why = o.fromAnswers().reasons().isEmpty() ? ""
                : "; oracle: " + o.fromAnswers().reasons().get(o.fromAnswers().reasons().size() - 1);
        if (!blocked.isEmpty()) {
            add(blockedKind(r), who(r) + (r.spec().headers().isEmpty() ? ""
                    : " + headers " + String.join(", ", r.spec().headers().stream().map(h -> h.name()).toList()))
                    + ": blocked in " + String.join(", ", blocked) + "; server: " + o.answersSummary() + why);
        }
        if (!allowed.isEmpty() && !hostileAllowed.contains(r.from().origin()) && !r.spec().api().webSocket()) {
            add(FindingKind.SERVER_ALLOWS_POLICY_REJECTS, who(r) + (r.spec().headers().isEmpty() ? ""
                    : " + headers " + String.join(", ", r.spec().headers().stream().map(h -> h.name()).toList()))
                    + ": allowed in " + String.join(", ", allowed) + " (policy: " + o.intent().reasons()
                    .get(o.intent().reasons().size() - 1) + "); server: " + o.answersSummary());
        }
    }

    /**
     * A WebSocket the policy refuses to a hostile origin that opened anyway in a browser, or to the browser-free
     * handshake when no browser ran it (browsers send that handshake from any page): each engine that opened it with the Origin and whether
     * a Cookie the target received; "credentials possible" when the policy has credentials or a cookie came along.
     */
    private void webSocketChecks(RequestOutcome o) {
        PlannedRequest r = o.request();
        if (!r.spec().api().webSocket() || !r.from().hostile() || o.intendedAllowed()) {
            return;
        }
        List<String> opened = new ArrayList<>();
        boolean carriedCredentials = false;
        for (Map.Entry<String, Observation> e : o.browsers().entrySet()) {
            if (e.getValue().verdict() != Verdict.ALLOWED) {
                continue;
            }
            List<dev.corssuite.origins.RecordedRequest> handshakes = e.getValue().journal();
            String origin = handshakes.isEmpty() ? "?" : header(handshakes.get(0), "Origin").orElse("none");
            boolean cookie = handshakes.stream().anyMatch(h -> header(h, "Cookie").isPresent()
                    || header(h, "Authorization").isPresent());
            carriedCredentials |= cookie;
            opened.add(e.getKey() + " (handshake with Origin: " + origin + (cookie ? ", Cookie" : ", no Cookie") + ")");
        }
        RawAnswer direct = o.direct().actual();
        boolean directOpened = direct.answered() && direct.status() == 101;
        // browsers that ran it and kept it shut outweigh the browser-free handshake
        if (opened.isEmpty() && (!directOpened || !o.browsers().isEmpty())) {
            return;
        }
        String credentials = policy.credentials() || carriedCredentials
                ? "; " + Severity.WEBSOCKET_CREDENTIALS + ": " + (carriedCredentials ? "the handshake carried the "
                + "visitor's credentials" : "the policy has credentials: true and browsers send the site's cookies "
                + "with every handshake") : "";
        add(FindingKind.WEBSOCKET_HIJACKING, who(r) + ": " + (opened.isEmpty() ? "no browser ran it"
                : "opened in " + String.join(", ", opened)) + "; server (no browser): handshake -> "
                + direct.corsSummary() + credentials);
    }

    private static Optional<String> header(dev.corssuite.origins.RecordedRequest request, String name) {
        return request.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(h -> h.value())
                .findFirst();
    }

    /** What a request the policy allows and a browser blocked means for the page, by how the page made it. */
    private static FindingKind blockedKind(PlannedRequest r) {
        return switch (r.spec().api()) {
            case IMG -> FindingKind.CANVAS_TAINTED;
            case SCRIPT -> FindingKind.SCRIPT_ERRORS_HIDDEN;
            case EVENTSOURCE -> r.credentialed() ? FindingKind.EVENTSOURCE_CREDENTIALS_REFUSED
                    : FindingKind.ASSET_UNUSABLE;
            case MODULE, STYLESHEET, FONT, FONT_FACE -> FindingKind.ASSET_UNUSABLE;
            default -> FindingKind.POLICY_ALLOWS_SERVER_REJECTS;
        };
    }

    /**
     * Whether a browser sends the actual request at all, given the preflight answer: after a failed preflight it
     * never does, so that request's browser-free answer is no evidence of what a page sees.
     */
    private static boolean browserSends(RequestOutcome o) {
        return o.direct().preflight() == null || o.fromAnswers().facts().reached();
    }

    private static String browserFreeNote(RequestOutcome o, RawAnswer answer) {
        return answer == o.direct().actual() && !browserSends(o) && o.direct().preflight().answered()
                ? "  [browser-free only: browsers stop at the failed preflight and never send this request]" : "";
    }

    private static void eachAnswer(RequestOutcome o, BiConsumer<String, RawAnswer> check) {
        RawAnswer preflight = o.direct().preflight();
        if (preflight != null && preflight.answered()) {
            check.accept("OPTIONS", preflight);
        }
        if (o.direct().actual().answered()) {
            check.accept(o.request().method(), o.direct().actual());
        }
    }
}
