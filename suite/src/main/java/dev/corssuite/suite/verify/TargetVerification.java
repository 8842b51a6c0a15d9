package dev.corssuite.suite.verify;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.browser.SessionProxy;
import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.oracle.FetchOracle;
import dev.corssuite.suite.oracle.OracleAnswer;
import dev.corssuite.suite.oracle.OracleRequest;
import dev.corssuite.suite.oracle.Prediction;
import dev.corssuite.suite.probe.Probe;
import dev.corssuite.suite.request.Origin;
import dev.corssuite.suite.results.EngineRun;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.runner.EngineResult;
import dev.corssuite.suite.runner.EngineRuns;
import dev.corssuite.suite.runner.ProbeOutcome;
import dev.corssuite.suite.runner.Progress;
import dev.corssuite.suite.runner.Runner;
import dev.corssuite.suite.runner.Shards;
import dev.corssuite.suite.verdict.Observation;
import dev.corssuite.suite.verify.direct.DirectAnswers;
import dev.corssuite.suite.verify.direct.DirectBatch;
import dev.corssuite.suite.verify.direct.LoadSignal;
import dev.corssuite.suite.verify.direct.DirectProbe;
import dev.corssuite.suite.verify.direct.RawAnswer;
import dev.corssuite.suite.verify.direct.TargetCheck;
import dev.corssuite.suite.verify.direct.TargetUnusableException;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.FindingDetector;
import dev.corssuite.suite.verify.matrix.PlannedRequest;
import dev.corssuite.suite.verify.matrix.PolicyIntent;
import dev.corssuite.suite.verify.matrix.RequestMatrix;
import dev.corssuite.suite.verify.matrix.TestOrigin;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.OriginSyntax;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import dev.corssuite.suite.verify.proxy.LocalCertificate;
import dev.corssuite.suite.verify.proxy.OriginProxy;
import dev.corssuite.suite.verify.proxy.TargetTraffic;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The whole of {@code verify --target URL --policy FILE}: checks the input, runs, writes the verify report. */
public final class TargetVerification {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    private static final int TRIES_ALONE = 3;
    private static final Pattern LDH_HOST = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern ORIGIN_PART = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://[^/?#]*");
    /** What {@code verify} runs: the policy's whole matrix (and a request to a missing path, for error answers). */
    private static final Function<CorsPolicy, List<PlannedRequest>> MATRIX = RequestMatrix::derive;

    private final CorsPolicy policy;
    private final URI target;
    private final Path root;
    private final EngineSelection engines;
    private final PrintStream out;
    private final VerifyOptions options;
    private final Runner.Listener listener;
    private final Function<CorsPolicy, List<PlannedRequest>> plan;

    private TargetVerification(CorsPolicy policy, URI target, Path root, EngineSelection engines,
                               PrintStream out, VerifyOptions options, Runner.Listener listener,
                               Function<CorsPolicy, List<PlannedRequest>> plan) {
        this.policy = policy;
        this.target = target;
        this.root = root;
        this.engines = engines;
        this.out = out;
        this.options = options;
        this.listener = listener;
        this.plan = plan;
    }

    /** Validates everything a browser would need before starting one; bad input is one message and exit 2. */
    public static VerifyResult execute(VerifyOptions options, PrintStream out, PrintStream err) throws IOException {
        return execute(options, MATRIX, out, err);
    }

    /**
     * One request instead of the policy's matrix (the interactive page, {@code serve}): validated, checked, run in
     * every engine through the proxy, answered browser-free and judged exactly as a request of the matrix; the policy
     * states what its sender intends. No request to a missing path is added.
     */
    public static VerifyResult executeOne(VerifyOptions options, Function<CorsPolicy, PlannedRequest> request,
                                          PrintStream out, PrintStream err) throws IOException {
        return execute(options, policy -> List.of(request.apply(policy)), out, err);
    }

    private static VerifyResult execute(VerifyOptions options, Function<CorsPolicy, List<PlannedRequest>> plan,
                                        PrintStream out, PrintStream err) throws IOException {
        String targetText = options.target();
        Path policyFile = options.policy();
        if (targetText == null || policyFile == null) {
            err.println(targetText == null ? "--policy needs --target URL (the server to verify)"
                    : "--target needs --policy FILE (what the server intends to allow)");
            return VerifyResult.badInput();
        }
        Optional<String> badTarget = targetProblem(targetText);
        List<String> problems = new ArrayList<>();
        badTarget.ifPresent(p -> problems.add("--target " + targetText + ": " + p));
        EngineSelection engines = null;
        CorsPolicy policy = null;
        Path fixtures = options.root().resolve("fixtures");
        try {
            policy = PolicyLoader.load(policyFile, fixtures.resolve("schema")
                    .resolve("cors-policy.schema.json"));
        } catch (InvalidInputException e) {
            problems.add(e.getMessage());
        }
        try {
            engines = options.placement().engines(options.browsers());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (policy != null && badTarget.isEmpty()) {
            String targetOrigin = origin(URI.create(targetText));
            if (policy.allows(targetOrigin) && !policy.anyOrigin()) {
                problems.add("--target " + targetText + " is itself one of the policy's origins; requests from it "
                        + "are same-origin and need no CORS");
            }
        }
        if (options.maxConnections() < 1) {
            problems.add("--max-connections " + options.maxConnections() + ": at least one connection is needed");
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return VerifyResult.badInput();
        }
        URI target = URI.create(targetText.replaceAll("/+$", ""));
        try {
            TargetCheck.check(target, policy.endpoints().get(0).path(), policy.timeoutMs()).ifPresent(out::println);
        } catch (TargetUnusableException e) {
            err.println(e.getMessage());
            return VerifyResult.badInput();
        }
        engines.skipped().forEach((name, why) -> out.println("skipped " + name + ": " + why));
        try {
            return new TargetVerification(policy, target, options.root(), engines, out, options,
                    options.listener() != null ? options.listener() : new Progress(out, "requests"), plan).verify();
        } catch (TargetUnusableException e) {
            err.println(e.getMessage());
            return VerifyResult.badInput();
        }
    }

    /** What is wrong with a {@code --target} URL, as the command line says it; empty when it is usable. */
    public static Optional<String> targetProblem(String text) {
        java.util.regex.Matcher origin = ORIGIN_PART.matcher(text);
        if (origin.lookingAt() && (!origin.group(1).equals(origin.group(1).toLowerCase(java.util.Locale.ROOT))
                || !text.chars().allMatch(c -> c < 128))) {
            // What browsers would send for it (lower-case scheme, punycode host), told the way policy origins are.
            Optional<String> problem = OriginSyntax.read(origin.group(), false).problem();
            if (problem.isPresent()) {
                return problem;
            }
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            return Optional.of("write an http:// or https:// URL, e.g. http://localhost:8080");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("has a query or fragment; give the server's base URL, paths go in the policy");
        }
        return Optional.empty();
    }

    static String origin(URI uri) {
        return Origin.ofUrl(uri.toString()).serialize();
    }

    private VerifyResult verify() throws IOException {
        List<PlannedRequest> matrix = plan.apply(policy);
        boolean wholeMatrix = plan == MATRIX;
        String targetOrigin = origin(target);
        long origins = matrix.stream().map(r -> r.from().origin()).distinct().count();
        long hostile = matrix.stream().filter(r -> r.from().hostile()).map(r -> r.from().origin()).distinct().count();
        out.printf("Verifying %s against %s: %d requests from %d origins (%d allowed, %d hostile) to %d endpoint(s)%n",
                target, policy.file(), matrix.size(), origins, origins - hostile, hostile, policy.endpoints().size());

        DirectProbe probe = new DirectProbe(target, policy.timeoutMs());
        DirectBatch.Result batch = new DirectBatch(probe, options.maxConnections())
                .send(matrix, r -> pathWithId(r, "direct-" + r.id()));
        Map<String, DirectAnswers> direct = batch.answers();
        if (batch.load().limited()) {
            out.println(batch.load().summary());
        }
        String errorPath = policy.endpoints().get(0).path().replaceAll("/+$", "") + "/cors-suite-missing";
        String allowedOrigin = matrix.stream().filter(r -> !r.from().hostile()).findFirst()
                .map(r -> r.from().origin()).orElse("null");
        RawAnswer asked = wholeMatrix ? probe.actual(errorPath, allowedOrigin, "GET", List.of(), null) : null;
        RawAnswer errorAnswer = asked == null || LoadSignal.of(asked).isPresent() ? null : asked;

        Map<String, Map<String, ProbeOutcome>> byEngine = new LinkedHashMap<>();
        List<EngineRun> engineRuns = new ArrayList<>();
        List<PlannedRequest> inBrowsers = matrix.stream().filter(r -> browsable(r.from())).toList();
        List<VerifyJob> jobs = inBrowsers.stream().map(r -> new VerifyJob(r, this::browserUrl)).toList();
        List<String> proxyFaults;
        try (OriginFleet fleet = OriginFleet.builder().pages(root.resolve("fixtures").resolve("pages")).start()) {
            Origin page = Origin.ofUrl(fleet.origin(OriginRole.PAGE));
            Set<String> pageAuthorities = new LinkedHashSet<>();
            Set<String> hosts = new LinkedHashSet<>();
            for (PlannedRequest r : inBrowsers) {
                pageAuthorities.add(r.from().authority());
                hosts.add(r.from().host());
            }
            hosts.add(target.getHost());
            try (OriginProxy proxy = new OriginProxy(pageAuthorities, new InetSocketAddress("127.0.0.1",
                    page.port()), target, Set.of(page.authority()), LocalCertificate.forHosts(hosts),
                    (int) policy.timeoutMs() + 2000, options.placement().bindAddress())) {
                SessionProxy sessionProxy = new SessionProxy(options.placement().proxyHost(), proxy.port());
                options.placement().grid().ifPresent(grid -> out.println("The browsers on the Selenium Grid reach "
                        + "the suite's proxy at " + sessionProxy.hostPort() + " (listening on "
                        + options.placement().bind() + ")"));
                boolean parallel = options.parallel() && EngineRuns.parallelByDefault(engines.engines().size());
                EngineRuns.run(engines.engines(), parallel, engine -> runEngine(engine, sessionProxy, page, proxy,
                        jobs)).forEach(ran -> {
                            engineRuns.add(ran.engine());
                            byEngine.put(ran.engine().name(), ran.outcomes());
                        });
                proxyFaults = proxy.traffic().runFaults();
            }
        }

        EngineDeviations deviations = EngineDeviations.load(root.resolve("fixtures"));
        List<RequestOutcome> outcomes = new ArrayList<>();
        for (PlannedRequest r : matrix) {
            Map<String, Observation> observed = new LinkedHashMap<>();
            Map<String, String> errors = new LinkedHashMap<>();
            byEngine.forEach((engine, ran) -> {
                ProbeOutcome outcome = ran.get(r.id());
                if (outcome != null && outcome.observed()) {
                    observed.put(engine, outcome.observation());
                } else if (outcome != null) {
                    errors.put(engine, outcome.infrastructureError());
                }
            });
            DirectAnswers answers = direct.get(r.id());
            outcomes.add(new RequestOutcome(r, PolicyIntent.predict(policy, r, targetOrigin), answers,
                    fromAnswers(r, targetOrigin, answers), observed, errors,
                    browsable(r.from()) ? null : "the proxy's TLS (Java) cannot serve the host name "
                            + r.from().host(), Map.of()).explainedBy(deviations));
        }
        // Browsers are done: a target that stopped meanwhile would turn every later answer into a finding.
        TargetCheck.stillAnswers(target, policy.endpoints().get(0).path(), policy.timeoutMs());
        Set<String> limited = Set.copyOf(batch.load().stillLimited());
        List<RequestOutcome> judged = outcomes.stream().filter(o -> !limited.contains(o.request().id())).toList();
        List<Finding> findings = FindingDetector.detect(policy, judged, errorAnswer,
                "GET " + errorPath + " with Origin: " + allowedOrigin);
        Results results = VerifyResults.of(target, policy, engineRuns, engines.skipped(), outcomes, findings);
        VerifyReport report = new VerifyReport(policy, target, results, outcomes, findings);
        report.printTo(out);
        if (batch.load().limited()) {
            out.println(batch.load().summary());
        }
        proxyFaults.stream().distinct().forEach(f -> out.println("  the suite's proxy (not the server): " + f));
        return new VerifyResult(results.passed() ? OK : FINDINGS, results, outcomes, report);
    }

    /**
     * Every job in one engine, spread over the placement's sessions side by side; an engine that does not start makes
     * each of them an infrastructure error.
     */
    private EngineResult runEngine(Engine engine, SessionProxy sessionProxy, Origin page, OriginProxy proxy,
                                    List<VerifyJob> all) {
        List<VerifyJob> jobs = all.stream().filter(j -> unreachable(engine.name(), target, j.request()).isEmpty())
                .toList();
        all.stream().map(j -> unreachable(engine.name(), target, j.request())).flatMap(Optional::stream).findFirst()
                .ifPresent(why -> out.println("[" + engine.name() + "] " + (all.size() - jobs.size())
                        + " request(s) not run: " + why));
        Shards<VerifyJob> shards = new Shards<>(jobs, options.placement().sessions(), listener);
        try {
            return shards.runSideBySide(shard -> {
                try (Runner runner = new Runner(() -> engine.start(sessionProxy), page + Probe.PAGE, proxy.traffic(),
                        options.batchSize(), shards.listener(shard))) {
                    return EngineResult.ran(runner, politely(runner, engine.name(), shards.jobs(shard),
                            proxy.traffic()));
                }
            });
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            out.println("[" + engine.name() + "] did not start: " + why);
            return EngineResult.notStarted(engine.name(), jobs, engine.name() + " did not start: " + why, e);
        }
    }

    /**
     * Why {@code engine}'s request cannot reach the target through the suite's proxy, if it cannot. WebKit (libsoup)
     * sends an IPv6 address as TLS server_name, which RFC 6066 forbids and Java's TLS refuses with the whole
     * handshake, so an https page's request to an IPv6-literal target never arrives: it is not run there rather than
     * judged NOT_SENT.
     */
    static Optional<String> unreachable(String engine, URI target, PlannedRequest r) {
        if (engine.equals("webkit") && target.getHost() != null && target.getHost().startsWith("[")
                && r.from().servedAt().startsWith("https:")) {
            return Optional.of("from an https page, WebKit's TLS names the IPv6 address " + target.getHost()
                    + " as server_name, which the suite's proxy (Java) refuses; its requests from http pages ran");
        }
        return Optional.empty();
    }

    /**
     * Runs the jobs, then those the target answered 429 or 503 (its load limits, not its CORS answer) again, one per
     * script call after a growing pause, under new probe ids; what is still limited gets no verdict.
     */
    private Map<String, ProbeOutcome> politely(Runner runner, String engine, List<VerifyJob> jobs,
                                               TargetTraffic traffic) {
        Map<String, ProbeOutcome> outcomes = new LinkedHashMap<>(runner.run(jobs));
        List<VerifyJob> limited = limited(jobs, engine, traffic);
        int retried = limited.size();
        for (int attempt = 1; attempt <= TRIES_ALONE && !limited.isEmpty(); attempt++) {
            try {
                Thread.sleep(1000L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing requests to the target", e);
            }
            String suffix = "-again" + attempt;
            List<VerifyJob> again = limited.stream().map(j -> j.again(suffix)).toList();
            outcomes.putAll(runner.run(again, 1));
            limited = limited(again, engine, traffic);
        }
        // Still limited alone: the target's load limit, not its CORS answer and not the suite's fault; no verdict.
        limited.forEach(j -> outcomes.remove(j.key()));
        if (retried > 0) {
            out.println("The target limited the suite's load in " + engine + ": " + retried + " request(s) answered "
                    + "429 or 503, run again one at a time; " + (limited.isEmpty() ? "all answered"
                    : limited.size() + " still limited, left without a verdict") + ".");
        }
        return outcomes;
    }

    private static List<VerifyJob> limited(List<VerifyJob> jobs, String engine, TargetTraffic traffic) {
        return jobs.stream().filter(j -> traffic.statuses(j.probeId(engine)).stream().anyMatch(LoadSignal::limits))
                .toList();
    }

    /** Java's TLS refuses SNI host names outside letters, digits, dots and dashes (e.g. the "_" look-alike). */
    static boolean browsable(TestOrigin origin) {
        return !origin.servedAt().startsWith("https:") || LDH_HOST.matcher(origin.host()).matches();
    }

    /**
     * The target as the page calls it. Pages on https call an http target over https (the proxy ends TLS and
     * passes the same request on), since WebKit blocks http://localhost from https pages as mixed content.
     */
    String browserUrl(PlannedRequest r, String id) {
        Origin origin = Origin.ofUrl(target.toString());
        boolean secure = origin.secure() || r.from().servedAt().startsWith("https:");
        return origin.withScheme(secure ? "https" : "http").serialize()
                + (target.getRawPath() == null ? "" : target.getRawPath()) + pathWithId(r, id);
    }

    /** The endpoint's path with the request id in the query: it keys the proxy's record and keeps each URL unique. */
    static String pathWithId(PlannedRequest r, String id) {
        return r.path() + (r.path().contains("?") ? "&" : "?") + TargetTraffic.QUERY_PARAMETER + "=" + id;
    }

    /** What the oracle says a browser does with the server's real answers. */
    private Prediction fromAnswers(PlannedRequest r, String targetOrigin, DirectAnswers answers) {
        OracleRequest request = PolicyIntent.oracleRequest(r, targetOrigin);
        return FetchOracle.predict(request, oracleAnswer(answers.preflight()), oracleAnswer(answers.actual()));
    }

    private OracleAnswer oracleAnswer(RawAnswer answer) {
        if (answer == null) {
            return new OracleAnswer(200, List.of(), 0);
        }
        return answer.answered() ? new OracleAnswer(answer.status(), answer.headers(), 0)
                : new OracleAnswer(0, List.of(), policy.timeoutMs());
    }
}
