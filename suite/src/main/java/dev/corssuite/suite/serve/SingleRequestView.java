package dev.corssuite.suite.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.oracle.Prediction;
import dev.corssuite.suite.results.EngineRun;
import dev.corssuite.suite.verdict.Observation;
import dev.corssuite.suite.verify.RequestOutcome;
import dev.corssuite.suite.verify.direct.RawAnswer;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.Severity;
import dev.corssuite.suite.verify.fixes.CorsConfigurations;
import dev.corssuite.suite.verify.fixes.FixAdvice;
import dev.corssuite.suite.verify.policy.CorsPolicy;

import java.util.List;

/** The page's view of one run of the single request, as JSON: per engine what happened, the answers, the oracle. */
final class SingleRequestView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SingleRequestView() {
    }

    static ObjectNode of(int id, SingleRequestRun.Ran ran, CorsPolicy policy) {
        ObjectNode view = JSON.objectNode();
        view.put("id", id);
        view.put("title", ran.form().method() + " " + ran.form().target() + " from " + ran.form().pageOrigin()
                + " (" + ran.form().initiator() + ")");
        view.set("form", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(ran.form()));
        ArrayNode problems = view.putArray("problems");
        ran.problems().forEach(problems::add);
        view.put("log", ran.log());
        if (ran.badInput()) {
            return view;
        }
        RequestOutcome o = ran.result().outcomes().get(0);
        view.put("description", o.request().describe());
        view.set("intent", prediction(o.intent()));
        view.set("oracle", prediction(o.fromAnswers()));
        ObjectNode direct = view.putObject("answers");
        direct.set("preflight", answer(o.direct().preflight()));
        direct.set("actual", answer(o.direct().actual()));
        ArrayNode engines = view.putArray("engines");
        for (EngineRun run : ran.result().results().engines()) {
            engines.add(engine(run, o));
        }
        ran.result().results().skipped().forEach((name, why) -> engines.addObject().put("name", name)
                .put("skipped", why));
        ArrayNode findings = view.putArray("findings");
        List<Finding> found = ran.result().findings();
        for (Finding f : found) {
            ObjectNode finding = findings.addObject().put("kind", f.kind().id()).put("title", f.kind().title())
                    .put("severity", Severity.of(f).id()).put("fix", FixAdvice.of(f.kind()));
            ArrayNode evidence = finding.putArray("evidence");
            f.evidence().forEach(evidence::add);
        }
        if (!found.isEmpty()) {
            view.put("headersToSend", new CorsConfigurations(policy).headers());
        }
        return view;
    }

    private static ObjectNode engine(EngineRun run, RequestOutcome o) {
        ObjectNode engine = JSON.objectNode().put("name", run.name()).put("version", run.version())
                .put("drivenBy", run.drivenBy());
        String error = o.infrastructureErrors().get(run.name());
        if (error != null) {
            return engine.put("infrastructureError", error);
        }
        Observation seen = o.browsers().get(run.name());
        if (seen == null) {
            return engine.put("infrastructureError", "no result");
        }
        Verdict verdict = seen.verdict();
        engine.put("verdict", verdict.name()).put("stage", stage(verdict))
                .put("asIntended", o.asIntended(run.name()).orElse(true));
        if (seen.page().status() != null && !seen.page().rejected()) {
            engine.put("status", seen.page().status());
        }
        ObjectNode readable = engine.putObject("readable");
        seen.page().readable().forEach(readable::put);
        if (seen.facts().tainted() != null) {
            engine.put("tainted", seen.facts().tainted());
        }
        if (seen.page().error() != null) {
            engine.put("pageError", seen.page().error());
        }
        ArrayNode received = engine.putArray("received");
        for (RecordedRequest r : seen.journal()) {
            if (r.kind() == RequestKind.MARK) {
                continue;
            }
            ObjectNode line = received.addObject().put("kind", r.kind() == RequestKind.PREFLIGHT ? "preflight"
                    : "request").put("method", r.method()).put("path", r.path()
                    + (r.query() == null ? "" : "?" + r.query()));
            line.set("headers", headers(r.headers()));
        }
        return engine;
    }

    /** What the verdict says about where the request stopped, in words. */
    static String stage(Verdict verdict) {
        return switch (verdict) {
            case ALLOWED -> "allowed: script could use the answer";
            case OPAQUE -> "loaded, but withheld from script (opaque)";
            case BLOCKED_AT_PREFLIGHT -> "blocked at the preflight: it reached the server, the request did not";
            case BLOCKED_AT_RESPONSE -> "blocked at the response: the request reached the server, script could not "
                    + "read the answer";
            case NOT_SENT -> "not sent: nothing reached the server";
            case TIMEOUT -> "timed out: no answer in time";
        };
    }

    private static ObjectNode prediction(Prediction p) {
        ObjectNode node = JSON.objectNode().put("verdict", p.verdict().name());
        ArrayNode reasons = node.putArray("reasons");
        p.reasons().forEach(reasons::add);
        return node;
    }

    private static ObjectNode answer(RawAnswer a) {
        if (a == null) {
            return null;
        }
        ObjectNode node = JSON.objectNode().put("method", a.method());
        if (!a.answered()) {
            return node.put("failure", a.failure());
        }
        node.put("status", a.status());
        node.set("headers", headers(a.headers()));
        return node;
    }

    private static ArrayNode headers(List<HeaderLine> lines) {
        ArrayNode headers = JSON.arrayNode();
        lines.forEach(h -> headers.addArray().add(h.name()).add(h.value()));
        return headers;
    }
}
