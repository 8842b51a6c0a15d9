package dev.corssuite.suite.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.documents.Problem;
import dev.corssuite.suite.documents.YamlDocuments;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.table.EngineSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The known engine deviations by initiator, read from {@code fixtures/engines/known-deviations.yaml}. */
public record EngineDeviations(List<EngineDeviation> rules) {
    public static final EngineDeviations NONE = new EngineDeviations(List.of());

    public EngineDeviations {
        rules = List.copyOf(rules);
    }

    /** Reads the suite's own rule file; a broken one is the suite's defect, reported with every problem. */
    public static EngineDeviations load(Path fixtures) {
        List<Problem> problems = new ArrayList<>();
        Optional<JsonNode> root = YamlDocuments.withSchema(fixtures.resolve("schema")
                .resolve("engine-deviations.schema.json"), null)
                .load(fixtures.resolve("engines").resolve("known-deviations.yaml"), problems);
        List<EngineDeviation> rules = new ArrayList<>();
        for (JsonNode rule : root.map(r -> r.path("deviations")).orElse(MissingNode.getInstance())) {
            EngineSource.refusal(rule.path("engine").asText(), rule.path("source").asText()).ifPresent(why ->
                    problems.add(Problem.at("known-deviations.yaml", null, "source of the " + rule.path("engine")
                            .asText() + " rule: " + why)));
            Set<Initiator> initiators = new HashSet<>();
            rule.path("initiators").forEach(i -> initiators.add(Initiator.fromFileName(i.asText())));
            rules.add(new EngineDeviation(rule.path("engine").asText(), initiators, rule.path("source").asText(),
                    rule.path("note").asText()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the suite's known engine deviations", problems);
        }
        return new EngineDeviations(rules);
    }

    public Optional<EngineDeviation> explaining(String engine, Initiator api, Verdict intended, Verdict observed) {
        return rules.stream().filter(r -> r.explains(engine, api, intended, observed)).findFirst();
    }
}
