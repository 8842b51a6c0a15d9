package dev.corssuite.suite.api;

import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.results.writers.SarifLog;
import dev.corssuite.suite.verify.RequestOutcome;
import dev.corssuite.suite.verify.TargetVerification;
import dev.corssuite.suite.verify.VerifyOptions;
import dev.corssuite.suite.verify.VerifyPlacement;
import dev.corssuite.suite.verify.direct.DirectBatch;
import dev.corssuite.suite.verify.VerifyResult;
import dev.corssuite.suite.verify.baseline.Baseline;
import dev.corssuite.suite.verify.baseline.Judgement;
import dev.corssuite.suite.verify.findings.Severity;
import dev.corssuite.suite.verify.fixes.FixSuggestions;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a running server against the CORS policy it intends, in real browsers, from any Java build:
 * <pre>{@code
 * Verification v = CorsVerification.target("http://localhost:" + port)
 *         .policy(PolicyDocument.builder().origins("https://app.example.com").methods("GET", "PUT")
 *                 .credentials(true).endpoint("/api/items"))
 *         .browsers("chromium")
 *         .run();
 * assertTrue(v.passed(), v.describe());
 * }</pre>
 * The same pipeline as {@code ./cors-suite verify}; reports go to {@code <workDir>/reports/out}.
 */
public final class CorsVerification {
    private final String target;
    private Path policyFile;
    private PolicyDocument policyDocument;
    private List<String> browsers = List.of("all");
    private Path workDir = Path.of("target", "cors-suite");
    private PrintStream output = System.out;
    private Severity failOn = Severity.INFO;
    private Path baselineFile;
    private Path sarifFile;
    private int maxConnections = DirectBatch.DEFAULT_MAX_CONNECTIONS;
    private boolean sideBySide = true;
    private dev.corssuite.suite.runner.Runner.Listener progress;
    private String grid;
    private int sessions = 1;
    private String bind;
    private String advertiseHost;

    private CorsVerification(String target) {
        this.target = target;
    }

    /** The running server's base URL, e.g. {@code http://localhost:8080}. */
    public static CorsVerification target(String url) {
        return new CorsVerification(url);
    }

    public static CorsVerification target(URI url) {
        return new CorsVerification(url.toString());
    }

    /** The policy as a YAML file ({@code fixtures/schema/cors-policy.schema.json}). */
    public CorsVerification policy(Path file) {
        policyFile = file;
        policyDocument = null;
        return this;
    }

    public CorsVerification policy(PolicyDocument document) {
        policyDocument = document;
        policyFile = null;
        return this;
    }

    /** chromium, firefox, webkit; "all" (the default) is every installed one. */
    public CorsVerification browsers(String... names) {
        browsers = List.of(names);
        return this;
    }

    public CorsVerification browsers(List<String> names) {
        browsers = List.copyOf(names);
        return this;
    }

    /** Where the suite's pages are unpacked and its reports written (default {@code target/cors-suite}). */
    public CorsVerification workDir(Path folder) {
        workDir = folder;
        return this;
    }

    /** Where progress and the report are printed (default standard output). */
    public CorsVerification output(PrintStream stream) {
        output = stream;
        return this;
    }

    /** The least severity that fails the verification (default {@link Severity#INFO}: every finding fails). */
    public CorsVerification failOn(Severity severity) {
        failOn = severity;
        return this;
    }

    /** A file of accepted findings ({@code fixtures/schema/cors-baseline.schema.json}); only new ones fail. */
    public CorsVerification baseline(Path file) {
        baselineFile = file;
        return this;
    }

    /** Also write the findings as SARIF 2.1.0 to this file. */
    /** At most this many browser-free requests open on the target at once (default 4). */
    public CorsVerification maxConnections(int connections) {
        this.maxConnections = connections;
        return this;
    }

    /** Whether the engines may run side by side when the machine has the cores and memory (default yes). */
    public CorsVerification sideBySide(boolean parallel) {
        this.sideBySide = parallel;
        return this;
    }

    /** Hears each batch start and end instead of the progress lines on the output (the interactive page). */
    public CorsVerification progress(dev.corssuite.suite.runner.Runner.Listener listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Runs the browsers on this Selenium Grid (hub or standalone), {@code sessions} per engine side by side, each
     * with its share of the requests; the Grid's nodes must reach the suite's proxy (see {@link #proxyAddress}).
     */
    public CorsVerification grid(String url, int sessions) {
        this.grid = url;
        this.sessions = sessions;
        return this;
    }

    /**
     * Where the suite's proxy listens ({@code bind}, default 127.0.0.1; 0.0.0.0 for every interface) and the host
     * name the browsers reach it at ({@code advertiseHost}); null keeps a default.
     */
    public CorsVerification proxyAddress(String bind, String advertiseHost) {
        this.bind = bind;
        this.advertiseHost = advertiseHost;
        return this;
    }

    public CorsVerification sarif(Path file) {
        sarifFile = file;
        return this;
    }

    /**
     * Runs the verification.
     *
     * @throws CorsVerificationException when it cannot start: the message lists every problem with the input
     */
    public Verification run() {
        try {
            return execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Verification execute() throws IOException {
        // The suite resolves drivers itself; Selenium Manager must never wait on the network.
        if (System.getProperty("SE_OFFLINE") == null) {
            System.setProperty("SE_OFFLINE", "true");
            System.setProperty("SE_AVOID_STATS", "true");
        }
        Path root = BundledFixtures.rootAt(workDir.toAbsolutePath().normalize());
        Path schemas = root.resolve("fixtures").resolve("schema");
        Path policy = policyDocument != null ? policyDocument.writeTo(root.resolve("reports")
                .resolve("cors-policy.yaml")) : policyFile;
        Baseline baseline;
        try {
            baseline = baselineFile == null ? Baseline.NONE
                    : Baseline.load(baselineFile, schemas.resolve("cors-baseline.schema.json"));
        } catch (InvalidInputException e) {
            throw new CorsVerificationException(e.getMessage(), e);
        }
        VerifyPlacement placement;
        try {
            placement = VerifyPlacement.of(grid, sessions, bind, advertiseHost);
        } catch (IllegalArgumentException e) {
            throw new CorsVerificationException(e.getMessage(), e);
        }
        ByteArrayOutputStream problems = new ByteArrayOutputStream();
        VerifyResult result;
        try (PrintStream err = new PrintStream(problems, true, StandardCharsets.UTF_8)) {
            VerifyOptions options = VerifyOptions.of(target, policy, browsers, root)
                    .withEngines(sideBySide, maxConnections).withPlacement(placement);
            result = TargetVerification.execute(progress == null ? options
                    : options.withListener(progress, VerifyOptions.BATCH_SIZE), output, err);
        }
        String errors = problems.toString(StandardCharsets.UTF_8);
        if (result.exitCode() == TargetVerification.BAD_INPUT) {
            throw new CorsVerificationException(errors.strip());
        }
        output.print(errors);
        Judgement judgement = baseline.judge(result.findings());
        List<ReportedFinding> findings = judgement.findings().stream().map(j -> new ReportedFinding(
                j.finding().kind(), Severity.of(j.finding()), j.finding().evidence(), j.fresh(), j.accepted()))
                .toList();
        Path reports = root.resolve("reports").resolve("out");
        result.report().write(reports);
        Path fixes = null;
        if (!result.findings().isEmpty()) {
            CorsPolicy loaded = PolicyLoader.load(policy, schemas.resolve("cors-policy.schema.json"));
            fixes = FixSuggestions.write(loaded, result.findings(), reports);
        }
        Verification verification = new Verification(target, result.results(), requests(result.outcomes()),
                findings, judgement.stale(), failOn, reports, fixes);
        if (sarifFile != null) {
            SarifLog.write(verification.results(), target, judgement, sarifFile);
            output.println("SARIF: " + sarifFile);
        }
        return verification;
    }

    private static List<RequestResult> requests(List<RequestOutcome> outcomes) {
        List<RequestResult> requests = new ArrayList<>();
        for (RequestOutcome o : outcomes) {
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            o.browsers().forEach((engine, observed) -> verdicts.put(engine, observed.verdict()));
            requests.add(new RequestResult(o.request().id(), o.request().describe(), o.intent().verdict(), verdicts,
                    o.infrastructureErrors()));
        }
        return requests;
    }
}
