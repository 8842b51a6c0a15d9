package dev.corssuite.suite.verify;

import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.EngineRun;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.Status;
import dev.corssuite.suite.verdict.Observation;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.policy.CorsPolicy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A verification as the common results model: one item per request, its cells "as the policy intends" or not. */
final class VerifyResults {
    private static final String CORS_PROTOCOL = "https://fetch.spec.whatwg.org/#http-cors-protocol";

    private VerifyResults() {
    }

    static Results of(URI target, CorsPolicy policy, List<EngineRun> engines, Map<String, String> skipped,
                      List<RequestOutcome> outcomes, List<Finding> findings) {
        List<Item> items = outcomes.stream().map(o -> item(target, engines, o)).toList();
        return new Results(Results.Mode.VERIFY, target + " against " + policy.file(), engines, skipped, items,
                findings);
    }

    private static Item item(URI target, List<EngineRun> engines, RequestOutcome o) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        o.browsers().forEach((engine, observed) -> cells.put(engine, cell(o, engine, observed)));
        o.infrastructureErrors().forEach((engine, why) -> cells.put(engine, Cell.infrastructureError(why)));
        engines.stream().map(EngineRun::name)
                .filter(engine -> o.notInBrowsers() == null && !cells.containsKey(engine))
                .forEach(engine -> TargetVerification.unreachable(engine, target, o.request()).ifPresent(why ->
                        cells.put(engine, new Cell(Status.NOT_RUN, null, List.of(engine + ": " + why), null))));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("answers as curl sees them", o.direct());
        evidence.put("oracle on those answers", o.fromAnswers());
        String kind = o.request().from().kind().name().toLowerCase(java.util.Locale.ROOT);
        return new Item(o.request().id(), o.request().describe(), kind, kind + " origins", CORS_PROTOCOL,
                "the policy intends " + o.intent().verdict(), cells, evidence);
    }

    private static Cell cell(RequestOutcome o, String engine, Observation observed) {
        if (o.knownDeviation(engine).isPresent()) {
            return new Cell(Status.KNOWN_DEVIATION, observed.verdict(), List.of("the policy intends "
                    + o.intent().verdict() + "; " + o.knownDeviation(engine).get().describe()), observed);
        }
        boolean asIntended = o.asIntended(engine).orElse(true);
        return new Cell(asIntended ? Status.MATCHED : Status.DIFFERED, observed.verdict(), asIntended ? List.of()
                : List.of("the policy intends " + o.intent().verdict() + ", the browser's verdict is "
                + observed.verdict() + " (" + o.answersSummary() + ")"), observed);
    }
}
