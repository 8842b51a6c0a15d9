package dev.corssuite.suite.verify;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.browser.BrowserUnavailableException;
import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.browser.SessionProxy;
import dev.corssuite.suite.oracle.FetchOracle;
import dev.corssuite.suite.oracle.OracleAnswer;
import dev.corssuite.suite.oracle.OracleRequest;
import dev.corssuite.suite.oracle.Prediction;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.RunSettings;
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
import dev.corssuite.suite.verify.policy.PolicyException;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The whole of {@code run --target URL --policy FILE}; returns the exit status. */
public final class TargetVerification {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    private static final Pattern LDH_HOST = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern ORIGIN_PART = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://[^/?#]*");

    private final CorsPolicy policy;
    private final URI target;
    private final RunSettings settings;
    private final EngineSelection engines;
    private final PrintStream out;
    private final int maxConnections;

    private TargetVerification(CorsPolicy policy, URI target, RunSettings settings, EngineSelection engines,
                               PrintStream out, int maxConnections) {
        this.policy = policy;
        this.target = target;
        this.settings = settings;
        this.engines = engines;
        this.out = out;
        this.maxConnections = maxConnections;
    }

    public static VerifyResult execute(String targetText, Path policyFile, String browsers, PrintStream out,
                                       PrintStream err) throws IOException {
        return execute(targetText, policyFile, browsers, DirectBatch.DEFAULT_MAX_CONNECTIONS, out, err);
    }

    /**
     * Validates everything a browser would need before starting one; bad input is one message and exit 2.
     *
     * @param maxConnections how many browser-free requests may be open on the target at once
     */
    public static VerifyResult execute(String targetText, Path policyFile, String browsers, int maxConnections,
                                       PrintStream out, PrintStream err) throws IOException {
        if (targetText == null || policyFile == null) {
            err.println(targetText == null ? "--policy needs --target URL (the server to verify)"
                    : "--target needs --policy FILE (what the server intends to allow)");
            return VerifyResult.badInput();
        }
        Optional<String> badTarget = targetProblem(targetText);
        List<String> problems = new ArrayList<>();
        badTarget.ifPresent(p -> problems.add("--target " + targetText + ": " + p));
        RunSettings settings;
        EngineSelection engines = null;
        CorsPolicy policy = null;
        try {
            RunSettings system = RunSettings.fromSystem();
            settings = new RunSettings(system.root(), java.util.Arrays.stream(browsers.split(",")).map(String::trim)
                    .filter(b -> !b.isEmpty()).toList(), List.of(), system.allureResults(), Optional.empty(),
                    system.addresses());
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return VerifyResult.badInput();
        }
        try {
            policy = PolicyLoader.load(policyFile, settings.fixtures().resolve("schema")
                    .resolve("cors-policy.schema.json"));
        } catch (PolicyException e) {
            problems.add(e.getMessage());
        }
        try {
            engines = EngineSelection.choose(settings.browsers());
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
        if (maxConnections < 1) {
            problems.add("--max-connections " + maxConnections + ": at least one connection is needed");
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
            return new TargetVerification(policy, target, settings, engines, out, maxConnections).verify();
        } catch (TargetUnusableException e) {
            err.println(e.getMessage());
            return VerifyResult.badInput();
        }
    }

    static Optional<String> targetProblem(String text) {
        java.util.regex.Matcher origin = ORIGIN_PART.matcher(text);
        if (origin.lookingAt() && (!origin.group(1).equals(origin.group(1).toLowerCase(Locale.ROOT))
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
        int port = uri.getPort();
        boolean defaultPort = port < 0 || (uri.getScheme().equals("http") && port == 80)
                || (uri.getScheme().equals("https") && port == 443);
        return uri.getScheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private VerifyResult verify() throws IOException {
        List<PlannedRequest> matrix = RequestMatrix.derive(policy);
        String targetOrigin = origin(target);
        long origins = matrix.stream().map(r -> r.from().origin()).distinct().count();
        long hostile = matrix.stream().filter(r -> r.from().hostile()).map(r -> r.from().origin()).distinct().count();
        out.printf("Verifying %s against %s: %d requests from %d origins (%d allowed, %d hostile) to %d endpoint(s)%n",
                target, policy.file(), matrix.size(), origins, origins - hostile, hostile, policy.endpoints().size());

        DirectBatch.Result batch = new DirectBatch(new DirectProbe(target, policy.timeoutMs()), maxConnections)
                .send(matrix, r -> pathWithId(r, "direct-" + r.id()));
        Map<String, DirectAnswers> direct = batch.answers();
        if (batch.load().limited()) {
            out.println(batch.load().summary());
        }
        String errorPath = policy.endpoints().get(0).path().replaceAll("/+$", "") + "/cors-suite-missing";
        String allowedOrigin = matrix.stream().filter(r -> !r.from().hostile()).findFirst()
                .map(r -> r.from().origin()).orElse("null");
        RawAnswer errorAnswer = new DirectProbe(target, policy.timeoutMs())
                .actual(errorPath, allowedOrigin, "GET", List.of(), null);
        if (LoadSignal.of(errorAnswer).isPresent()) {
            errorAnswer = null;
        }

        Map<String, Map<String, Observation>> byEngine = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        List<PlannedRequest> inBrowsers = matrix.stream().filter(r -> browsable(r.from())).toList();
        try (OriginFleet fleet = OriginFleet.builder().pages(settings.pages()).start()) {
            URI page = URI.create(fleet.origin(OriginRole.PAGE));
            Set<String> pageAuthorities = new LinkedHashSet<>();
            Set<String> hosts = new LinkedHashSet<>();
            for (PlannedRequest r : inBrowsers) {
                pageAuthorities.add(r.from().authority());
                hosts.add(r.from().host());
            }
            hosts.add(target.getHost());
            try (OriginProxy proxy = new OriginProxy(pageAuthorities, new InetSocketAddress("127.0.0.1",
                    page.getPort()), target, Set.of(authority(page.getHost(), page.getPort(), "http")),
                    LocalCertificate.forHosts(hosts), (int) policy.timeoutMs() + 2000)) {
                String[] hostPort = proxy.hostPort().split(":");
                SessionProxy sessionProxy = new SessionProxy(hostPort[0], Integer.parseInt(hostPort[1]));
                for (Engine engine : engines.engines()) {
                    try (BrowserSession session = engine.start(sessionProxy)) {
                        versions.put(session.name(), session.version() + ", " + session.drivenBy());
                        VerifyBrowserRun.Polite run = VerifyBrowserRun.runPolitely(session, page + "/probe.html",
                                inBrowsers, this::browserUrl, proxy.traffic(), policy.timeoutMs(), out);
                        run.summary(session.name()).ifPresent(out::println);
                        byEngine.put(session.name(), run.observations());
                    } catch (BrowserUnavailableException e) {
                        out.println("[" + engine.name() + "] did not start: " + e.getMessage());
                        versions.put(engine.name(), "did not start: " + e.getMessage());
                    }
                }
            }
        }

        List<RequestOutcome> outcomes = new ArrayList<>();
        for (PlannedRequest r : matrix) {
            Map<String, Observation> observed = new LinkedHashMap<>();
            byEngine.forEach((engine, observations) -> {
                if (observations.containsKey(r.id())) {
                    observed.put(engine, observations.get(r.id()));
                }
            });
            DirectAnswers answers = direct.get(r.id());
            outcomes.add(new RequestOutcome(r, PolicyIntent.predict(policy, r, targetOrigin, policy.timeoutMs()),
                    answers, fromAnswers(r, targetOrigin, answers), observed,
                    browsable(r.from()) ? null : "the proxy's TLS (Java) cannot serve the host name "
                            + r.from().host()));
        }
        // Browsers are done: a target that stopped meanwhile would turn every later answer into a finding.
        TargetCheck.stillAnswers(target, policy.endpoints().get(0).path(), policy.timeoutMs());
        Set<String> limited = Set.copyOf(batch.load().stillLimited());
        List<RequestOutcome> judged = outcomes.stream().filter(o -> !limited.contains(o.request().id())).toList();
        List<Finding> findings = FindingDetector.detect(policy, judged, errorAnswer,
                "GET " + errorPath + " with Origin: " + allowedOrigin);
        VerifyReport report = new VerifyReport(policy, target, versions, outcomes, findings);
        report.printTo(out);
        Path dir = settings.root().resolve("reports").resolve("out");
        report.write(dir);
        out.println("Report: " + dir.resolve("verify.md") + " (JSON: " + dir.resolve("verify.json") + ")");
        if (batch.load().limited()) {
            out.println(batch.load().summary());
        }
        boolean allAsIntended = judged.stream().allMatch(RequestOutcome::allAsIntended);
        return new VerifyResult(findings.isEmpty() && allAsIntended && !byEngine.isEmpty() ? OK : FINDINGS, findings,
                outcomes, versions);
    }

    private static String authority(String host, int port, String scheme) {
        return host + ":" + (port > 0 ? port : scheme.equals("https") ? 443 : 80);
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
        boolean secure = target.getScheme().equals("https") || r.from().servedAt().startsWith("https:");
        int port = target.getPort() > 0 ? target.getPort() : target.getScheme().equals("https") ? 443 : 80;
        String scheme = secure ? "https" : "http";
        boolean defaultPort = (secure && port == 443) || (!secure && port == 80);
        String base = scheme + "://" + target.getHost() + (defaultPort ? "" : ":" + port)
                + (target.getRawPath() == null ? "" : target.getRawPath());
        return base + pathWithId(r, id);
    }

    /** The endpoint's path with the request id in the query: it keys the proxy's record and keeps each URL unique. */
    static String pathWithId(PlannedRequest r, String id) {
        return r.path() + (r.path().contains("?") ? "&" : "?") + TargetTraffic.QUERY_PARAMETER + "=" + id;
    }

    /** What the oracle says a browser does with the server's real answers. */
    private Prediction fromAnswers(PlannedRequest r, String targetOrigin, DirectAnswers answers) {
        OracleRequest request = PolicyIntent.oracleRequest(r, targetOrigin, policy.timeoutMs());
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
