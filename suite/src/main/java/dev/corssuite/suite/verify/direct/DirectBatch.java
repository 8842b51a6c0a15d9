package dev.corssuite.suite.verify.direct;

import dev.corssuite.suite.oracle.RequestHeaderRules;
import dev.corssuite.suite.verify.matrix.PlannedRequest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The browser-free preflight and actual answers for every planned request, asked politely: at most
 * {@code maxConnections} requests at once; once the target pushes back ({@link LoadSignal}) the rest go one at a
 * time, and every request that failed while others were answered is sent again alone before its answer counts. A
 * 429 or 503 alone is retried after a pause (its {@code Retry-After}, else a second) and the spacing grows; what is
 * still limited after {@value #TRIES_ALONE} tries is listed in the {@link LoadReport}, never judged. An endpoint that
 * gives no answer to a request sent alone is not waited on again: its later requests are marked not sent.
 * Connection refused alone, or no answer to anything, means the target stopped: {@link TargetUnusableException}.
 */
public final class DirectBatch {
    public static final int DEFAULT_MAX_CONNECTIONS = 4;
    static final int TRIES_ALONE = 4;
    private static final long MIN_GAP_MS = 25;
    private static final long MAX_GAP_MS = 2000;
    private static final long MAX_PAUSE_MS = 10_000;

    /** The answers by request id and what the target's limits did. */
    public record Result(Map<String, DirectAnswers> answers, LoadReport load) {
    }

    private final DirectProbe probe;
    private final int maxConnections;
    private final String target;
    private final Map<LoadSignal, Integer> signals = new EnumMap<>(LoadSignal.class);
    private final Map<String, String> hanging = new ConcurrentHashMap<>();
    private long gapMs;

    public DirectBatch(DirectProbe probe, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        this.probe = probe;
        this.maxConnections = maxConnections;
        this.target = probe.url("").toString();
    }

    /** @param pathFor the path and query each request is sent to (it carries the request id) */
    public Result send(List<PlannedRequest> requests, Function<PlannedRequest, String> pathFor) {
        Map<String, DirectAnswers> answers = new LinkedHashMap<>();
        List<PlannedRequest> again = new ArrayList<>();
        Map<String, List<LoadSignal>> firstSignals = new LinkedHashMap<>();
        AtomicBoolean pushedBack = new AtomicBoolean();
        Set<String> slow = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(maxConnections);
        try {
            Map<PlannedRequest, Future<Optional<DirectAnswers>>> pending = new LinkedHashMap<>();
            for (PlannedRequest r : requests) {
                pending.put(r, pool.submit(() -> {
                    if (pushedBack.get() || keys(r, pathFor).stream().anyMatch(slow::contains)) {
                        return Optional.empty();
                    }
                    DirectAnswers a = exchange(r, pathFor);
                    List<LoadSignal> seen = signals(a);
                    if (seen.contains(LoadSignal.TIMED_OUT)) {
                        slow.addAll(keys(r, pathFor));
                    }
                    if (seen.stream().anyMatch(s -> s != LoadSignal.TIMED_OUT)) {
                        pushedBack.set(true);
                    }
                    return Optional.of(a);
                }));
            }
            for (Map.Entry<PlannedRequest, Future<Optional<DirectAnswers>>> e : pending.entrySet()) {
                Optional<DirectAnswers> a = e.getValue().get();
                if (a.isPresent() && signals(a.get()).isEmpty()) {
                    answers.put(e.getKey().id(), a.get());
                } else {
                    again.add(e.getKey());
                    a.ifPresent(x -> firstSignals.put(e.getKey().id(), signals(x)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the target", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("asking the target failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        gapMs = pushedBack.get() ? MIN_GAP_MS : 0;
        int answeredAlone = 0;
        int retried = 0;
        List<String> stillLimited = new ArrayList<>();
        for (PlannedRequest r : again) {
            List<LoadSignal> before = firstSignals.getOrDefault(r.id(), List.of());
            retried += before.isEmpty() ? 0 : 1;
            DirectAnswers a = alone(r, pathFor, answers.size());
            answers.put(r.id(), a);
            List<LoadSignal> after = signals(a);
            if (after.contains(LoadSignal.TOO_MANY_REQUESTS) || after.contains(LoadSignal.UNAVAILABLE)) {
                stillLimited.add(r.id());
                after.forEach(this::count);
            } else if (!before.isEmpty() && a.actual().answered()
                    && (a.preflight() == null || a.preflight().answered())) {
                answeredAlone++;
                before.forEach(this::count);
            }
        }
        boolean anyAnswer = answers.values().stream().anyMatch(a -> a.actual().answered()
                || (a.preflight() != null && a.preflight().answered()));
        if (!requests.isEmpty() && !anyAnswer) {
            String failure = answers.values().stream().flatMap(a -> java.util.stream.Stream.of(a.preflight(),
                    a.actual())).filter(x -> x != null && !x.failure().startsWith("not sent"))
                    .map(RawAnswer::failure).findFirst().orElse("no answer");
            throw stopped(failure, 0, requests.size());
        }
        Map<String, DirectAnswers> ordered = new LinkedHashMap<>();
        requests.forEach(r -> ordered.put(r.id(), answers.get(r.id())));
        return new Result(ordered, new LoadReport(maxConnections, requests.size(), signals, retried, answeredAlone,
                stillLimited));
    }

    private void count(LoadSignal signal) {
        signals.merge(signal, 1, Integer::sum);
    }

    /** One request sent alone, a 429/503 retried after a pause; refused alone means the target is gone. */
    private DirectAnswers alone(PlannedRequest r, Function<PlannedRequest, String> pathFor, int answeredSoFar) {
        DirectAnswers a = null;
        for (int attempt = 1; attempt <= TRIES_ALONE; attempt++) {
            sleep(gapMs);
            a = exchange(r, pathFor);
            List<LoadSignal> seen = signals(a);
            if (seen.contains(LoadSignal.REFUSED)) {
                RawAnswer refused = a.preflight() != null && !a.preflight().answered() ? a.preflight() : a.actual();
                throw stopped(refused.failure(), answeredSoFar, -1);
            }
            if (seen.contains(LoadSignal.TIMED_OUT)) {
                List<String> keys = keys(r, pathFor);
                boolean preflightHung = a.preflight() != null && !a.preflight().answered();
                hanging.putIfAbsent(preflightHung ? keys.get(0) : keys.get(keys.size() - 1), r.id());
            }
            if (!seen.contains(LoadSignal.TOO_MANY_REQUESTS) && !seen.contains(LoadSignal.UNAVAILABLE)) {
                return a;
            }
            gapMs = Math.min(MAX_GAP_MS, Math.max(MIN_GAP_MS, gapMs * 2));
            if (attempt < TRIES_ALONE) {
                sleep(Math.min(MAX_PAUSE_MS, retryAfterMs(a).orElse(1000L)));
            }
        }
        return a;
    }

    private TargetUnusableException stopped(String failure, int answered, int of) {
        return new TargetUnusableException("The target " + target + " stopped answering during the run: "
                + failure + (of < 0 ? " (a request sent alone; " + answered + " had been answered before)"
                : " (none of " + of + " requests was answered)")
                + ". No findings are reported; check the server (did it stop or restart?) and run again.");
    }

    /** The preflight (when the request needs one) and the actual request; a step whose endpoint hung is not sent. */
    private DirectAnswers exchange(PlannedRequest r, Function<PlannedRequest, String> pathFor) {
        List<String> unsafe = RequestHeaderRules.unsafeNames(RequestHeaderRules.headerList(r.spec().headers(), r.spec().api()));
        boolean needsPreflight = !RequestHeaderRules.safelistedMethod(r.method()) || !unsafe.isEmpty();
        String path = pathFor.apply(r);
        List<String> keys = keys(r, pathFor);
        RawAnswer preflight = null;
        if (needsPreflight) {
            preflight = notSent("OPTIONS", keys.get(0))
                    .orElseGet(() -> probe.preflight(path, r.from().origin(), r.method(), String.join(",", unsafe)));
            if (LoadSignal.of(preflight).filter(s -> s != LoadSignal.TIMED_OUT).isPresent()) {
                return new DirectAnswers(preflight, RawAnswer.failed(r.method(), "not sent: the target limited "
                        + "the preflight", 0));
            }
        }
        RawAnswer actual = notSent(r.method(), keys.get(keys.size() - 1))
                .orElseGet(() -> r.spec().api().webSocket() ? probe.handshake(path, r.from().origin())
                        : probe.actual(path, r.from().origin(), r.method(), r.spec().headers(), r.spec().body()));
        return new DirectAnswers(preflight, actual);
    }

    private Optional<RawAnswer> notSent(String method, String key) {
        String hungOn = hanging.get(key);
        return hungOn == null ? Optional.empty() : Optional.of(RawAnswer.failed(method, "not sent: " + key
                + " gave no answer in time to request " + hungOn + " sent alone, so the suite does not wait on it "
                + "again", 0));
    }

    /** The endpoint steps a request uses: "path OPTIONS" when preflighted, then "path request". */
    private static List<String> keys(PlannedRequest r, Function<PlannedRequest, String> pathFor) {
        List<String> unsafe = RequestHeaderRules.unsafeNames(RequestHeaderRules.headerList(r.spec().headers(), r.spec().api()));
        boolean needsPreflight = !RequestHeaderRules.safelistedMethod(r.method()) || !unsafe.isEmpty();
        return needsPreflight ? List.of("OPTIONS " + r.path(), "requests to " + r.path())
                : List.of("requests to " + r.path());
    }

    private static List<LoadSignal> signals(DirectAnswers a) {
        List<LoadSignal> out = new ArrayList<>();
        if (a.preflight() != null) {
            LoadSignal.of(a.preflight()).ifPresent(out::add);
        }
        LoadSignal.of(a.actual()).ifPresent(out::add);
        return out;
    }

    private static Optional<Long> retryAfterMs(DirectAnswers a) {
        RawAnswer limited = a.preflight() != null && LoadSignal.of(a.preflight()).isPresent() ? a.preflight()
                : a.actual();
        try {
            return limited.header("Retry-After").map(String::trim).map(Long::parseLong).map(s -> s * 1000);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing requests to the target", e);
        }
    }
}
