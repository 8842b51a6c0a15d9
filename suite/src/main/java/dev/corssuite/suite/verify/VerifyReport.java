package dev.corssuite.suite.verify;

import dev.corssuite.suite.results.writers.ReplacedFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.Status;
import dev.corssuite.suite.results.writers.ConsoleSummary;
import dev.corssuite.suite.verdict.Observation;
import dev.corssuite.suite.verify.direct.RawAnswer;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.policy.CorsPolicy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of a verification: per browser how many requests went as the policy intends, findings, details. */
public final class VerifyReport {
    private static final int CONSOLE_EVIDENCE = 4;
    private static final int CONSOLE_REQUESTS = 8;

    private final CorsPolicy policy;
    private final URI target;
    private final Results results;
    private final Map<String, String> browsers = new LinkedHashMap<>();
    private final List<RequestOutcome> outcomes;
    private final List<Finding> findings;

    VerifyReport(CorsPolicy policy, URI target, Results results, List<RequestOutcome> outcomes,
                 List<Finding> findings) {
        this.policy = policy;
        this.target = target;
        this.results = results;
        results.engines().forEach(e -> browsers.put(e.name(), e.version() + ", " + e.drivenBy()));
        this.outcomes = outcomes;
        this.findings = findings;
    }

    void printTo(PrintStream out) {
        out.println();
        out.println("CORS verification of " + target + " against " + policy.file());
        browsers.forEach((engine, version) -> out.println("  " + ConsoleSummary.counts(results, engine) + "  ("
                + version + ")"));
        results.skipped().forEach((name, why) -> out.println("  " + name + " skipped: " + why));
        outcomes.stream().filter(o -> !o.infrastructureErrors().isEmpty()).limit(CONSOLE_REQUESTS).forEach(o ->
                o.infrastructureErrors().forEach((engine, why) -> out.println("  infrastructure error (" + engine
                        + ", " + o.request().id() + ", not a finding): " + why)));
        long browserFree = outcomes.stream().filter(o -> o.notInBrowsers() != null).count();
        if (browserFree > 0) {
            out.println("  " + browserFree + " request(s) checked without a browser only: "
                    + outcomes.stream().filter(o -> o.notInBrowsers() != null).findFirst().orElseThrow()
                    .notInBrowsers());
        }
        if (findings.isEmpty()) {
            out.println("No findings.");
        } else {
            out.println(findings.size() + " finding(s):");
            for (Finding f : findings) {
                out.println("  [" + f.kind().id() + "] " + f.kind().title());
                out.println("      " + f.kind().meaning());
                f.evidence().stream().limit(CONSOLE_EVIDENCE).forEach(e -> out.println("      - " + e));
                if (f.evidence().size() > CONSOLE_EVIDENCE) {
                    out.println("      ... and " + (f.evidence().size() - CONSOLE_EVIDENCE) + " more in the report");
                }
            }
        }
        List<RequestOutcome> differing = outcomes.stream().filter(o -> !o.allAsIntended()).toList();
        if (!differing.isEmpty()) {
            out.println("Requests not as the policy intends (" + Math.min(CONSOLE_REQUESTS, differing.size())
                    + " of " + differing.size() + "; all in the report):");
            differing.stream().limit(CONSOLE_REQUESTS).forEach(o -> describe(o).forEach(l -> out.println("  " + l)));
        }
    }

    private static List<String> describe(RequestOutcome o) {
        List<String> lines = new ArrayList<>();
        lines.add(o.request().id() + " " + o.request().describe() + " [" + o.request().from().kind().description()
                + "]");
        StringBuilder verdicts = new StringBuilder("    policy: " + o.intent().verdict());
        o.browsers().forEach((engine, obs) -> verdicts.append(" | ").append(engine).append(' ').append(obs.verdict()));
        lines.add(verdicts.toString());
        lines.add("    server (no browser): " + o.answersSummary());
        lines.add("    oracle on those answers: " + o.fromAnswers().verdict() + " (" + reasons(o) + ")");
        return lines;
    }

    /** The oracle's steps; a simple request that passes leaves none, so say so. */
    private static String reasons(RequestOutcome o) {
        return o.fromAnswers().reasons().isEmpty() ? "no preflight needed; the CORS check on the answer passes"
                : String.join("; ", o.fromAnswers().reasons());
    }

    /** Writes verify.md and verify.json into {@code dir}. */
    public void write(Path dir) throws IOException {
        ReplacedFile.writeString(dir.resolve("verify.md"), markdown());
        ReplacedFile.writeJson(dir.resolve("verify.json"), json());
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# CORS verification of " + target + "\n\n");
        md.append("Policy: `").append(policy.file())
                .append("`\n\n| browser | as intended | known engine deviation | not | infrastructure errors "
                + "| version |\n|---|---:|---:|---:|---:|---|\n");
        browsers.forEach((engine, version) -> {
            var counts = results.counts(engine);
            md.append("| ").append(engine).append(" | ").append(counts.get(Status.MATCHED)).append(" | ")
                    .append(counts.get(Status.KNOWN_DEVIATION)).append(" | ").append(counts.get(Status.DIFFERED)).append(" | ").append(counts.get(Status.INFRASTRUCTURE_ERROR))
                    .append(" | ").append(version).append(" |\n");
        });
        md.append("\n## Findings (").append(findings.size()).append(")\n\n");
        if (findings.isEmpty()) {
            md.append("None.\n");
        }
        for (Finding f : findings) {
            md.append("### `").append(f.kind().id()).append("`: ").append(f.kind().title()).append("\n\n")
                    .append(f.kind().meaning()).append(".\n\n");
            f.evidence().forEach(e -> md.append("- ").append(e.replace("|", "\\|")).append('\n'));
            md.append('\n');
        }
        md.append("## Requests\n\n| id | request | origin kind | policy |");
        browsers.keySet().forEach(e -> md.append(' ').append(e).append(" |"));
        md.append(" server (no browser) | oracle on those answers |\n|---|---|---|---|");
        browsers.keySet().forEach(e -> md.append("---|"));
        md.append("---|---|\n");
        for (RequestOutcome o : outcomes) {
            md.append("| ").append(o.request().id()).append(" | ").append(o.request().describe().replace("|", "\\|"))
                    .append(" | ").append(o.request().from().kind().name().toLowerCase()).append(" | ")
                    .append(o.intent().verdict()).append(" |");
            for (String engine : browsers.keySet()) {
                Observation obs = o.browsers().get(engine);
                md.append(' ').append(obs == null ? (o.infrastructureErrors().containsKey(engine)
                        ? "infrastructure error" : "-") : (o.asIntended(engine).orElse(true) ? "" : "**")
                        + obs.verdict() + (o.asIntended(engine).orElse(true) ? "" : "**")).append(" |");
            }
            md.append(' ').append(o.answersSummary().replace("|", "\\|")).append(" | ")
                    .append(o.fromAnswers().verdict()).append(" |\n");
        }
        return md.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("target", target.toString());
        root.put("policy", policy.file());
        root.put("browsers", browsers);
        root.put("findings", findings.stream().map(f -> Map.of("kind", f.kind().id(), "title", f.kind().title(),
                "evidence", f.evidence())).toList());
        List<Map<String, Object>> requests = new ArrayList<>();
        for (RequestOutcome o : outcomes) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", o.request().id());
            r.put("method", o.request().method());
            r.put("path", o.request().path());
            r.put("origin", o.request().from().origin());
            r.put("originKind", o.request().from().kind().name());
            r.put("headers", o.request().spec().headers().stream().map(h -> h.name() + ": " + h.value()).toList());
            r.put("credentials", o.request().spec().credentials().fileName());
            r.put("intent", o.intent().verdict().name());
            Map<String, String> verdicts = new LinkedHashMap<>();
            Map<String, Long> ms = new LinkedHashMap<>();
            o.browsers().forEach((engine, obs) -> {
                verdicts.put(engine, obs.verdict().name());
                ms.put(engine, obs.page().ms());
            });
            r.put("browsers", verdicts);
            if (!o.infrastructureErrors().isEmpty()) {
                r.put("infrastructureErrors", o.infrastructureErrors());
            }
            r.put("browserMs", ms);
            if (o.notInBrowsers() != null) {
                r.put("notInBrowsers", o.notInBrowsers());
            }
            r.put("preflightAnswer", answer(o.direct().preflight()));
            r.put("actualAnswer", answer(o.direct().actual()));
            r.put("oracleOnAnswers", o.fromAnswers().verdict().name());
            r.put("oracleReasons", o.fromAnswers().reasons());
            requests.add(r);
        }
        root.put("requests", requests);
        return root;
    }

    private static Object answer(RawAnswer a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status());
        m.put("headers", a.headers().stream().map(h -> h.name() + ": " + h.value()).toList());
        if (a.failure() != null) {
            m.put("failure", a.failure());
        }
        return m;
    }
}
