package dev.corssuite.suite.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corssuite.suite.api.CorsVerification;
import dev.corssuite.suite.api.CorsVerificationException;
import dev.corssuite.suite.api.ReportedFinding;
import dev.corssuite.suite.api.Verification;
import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.runner.Runner;
import dev.corssuite.suite.verify.fixes.FixAdvice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The whole verify matrix of a policy through the public API ({@link CorsVerification}, as {@code verify} runs it),
 * telling {@code events} as it goes: {@code progress} per batch and engine, then {@code done} with the grid, the
 * findings and the report links, or {@code failed} with the command line's message for bad input.
 */
final class MatrixRun {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Path root;
    private final List<String> browsers;
    private final HtmlReport report;

    MatrixRun(Path root, List<String> browsers, HtmlReport report) {
        this.root = root;
        this.browsers = List.copyOf(browsers);
        this.report = report;
    }

    /** Runs {@code target} against the policy file; each event is a name and its JSON. */
    void run(String target, Path policy, BiConsumer<String, ObjectNode> events) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Verification verification;
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            verification = CorsVerification.target(target).policy(policy)
                    .browsers(browsers.isEmpty() ? List.of("all") : browsers).workDir(root).output(out)
                    .progress(new Runner.Listener() {
                        @Override
                        public void batchDone(String engine, int done, int total, Duration elapsed) {
                            events.accept("progress", JSON.objectNode().put("engine", engine).put("done", done)
                                    .put("total", total).put("seconds", elapsed.toMillis() / 1000.0));
                        }
                    }).run();
        } catch (CorsVerificationException e) {
            ObjectNode failed = JSON.objectNode();
            ArrayNode problems = failed.putArray("problems");
            e.getMessage().lines().forEach(problems::add);
            events.accept("failed", failed);
            return;
        } catch (RuntimeException e) {
            events.accept("failed", problem("the run failed: " + e.getMessage()));
            return;
        }
        ObjectNode done = grid(verification);
        done.put("log", log.toString(StandardCharsets.UTF_8));
        try {
            Path html = report.write(verification.results());
            done.put("report", "/" + root.relativize(html).toString().replace('\\', '/'));
        } catch (IOException | RuntimeException e) {
            done.put("reportProblem", "The HTML report could not be written: " + e.getMessage());
        }
        done.put("verifyMd", "/reports/out/verify.md");
        events.accept("done", done);
    }

    private static ObjectNode problem(String text) {
        ObjectNode failed = JSON.objectNode();
        failed.putArray("problems").add(text);
        return failed;
    }

    /** One row per request: its origin kind, what the policy intends, each engine's verdict and whether it matched. */
    static ObjectNode grid(Verification verification) {
        ObjectNode view = JSON.objectNode();
        ArrayNode engines = view.putArray("engines");
        verification.results().engines().forEach(e -> engines.add(e.name()));
        ArrayNode rows = view.putArray("rows");
        for (Item item : verification.results().items()) {
            ObjectNode row = rows.addObject().put("id", item.id()).put("title", item.title())
                    .put("kind", item.group()).put("expected", item.expected());
            ObjectNode cells = row.putObject("cells");
            item.cells().forEach((engine, cell) -> cells.set(engine, cell(cell)));
        }
        ArrayNode findings = view.putArray("findings");
        for (ReportedFinding f : verification.findings()) {
            ObjectNode finding = findings.addObject().put("kind", f.kind().id()).put("title", f.title())
                    .put("severity", f.severity().id()).put("fix", FixAdvice.of(f.kind()));
            ArrayNode evidence = finding.putArray("evidence");
            f.evidence().forEach(evidence::add);
        }
        view.put("passed", verification.passed());
        return view;
    }

    private static ObjectNode cell(Cell cell) {
        ObjectNode node = JSON.objectNode().put("status", cell.status().name());
        if (cell.verdict() != null) {
            node.put("verdict", cell.verdict().name());
        }
        node.put("detail", cell.summary());
        return node;
    }
}
