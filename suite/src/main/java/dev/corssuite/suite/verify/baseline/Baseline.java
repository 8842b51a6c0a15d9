package dev.corssuite.suite.verify.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.documents.Problem;
import dev.corssuite.suite.documents.YamlDocuments;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.FindingKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The accepted findings of a baseline file ({@code fixtures/schema/cors-baseline.schema.json}). */
public record Baseline(String file, List<BaselineEntry> entries) {
    public static final Baseline NONE = new Baseline("(none)", List.of());

    public Baseline {
        entries = List.copyOf(entries);
    }

    /** Reads and schema-checks the file; every problem is reported at once. */
    public static Baseline load(Path file, Path schema) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root = YamlDocuments.withSchema(schema, null).load(file, problems).orElse(null);
        if (root == null) {
            throw new InvalidInputException("the baseline file", problems);
        }
        List<BaselineEntry> entries = new ArrayList<>();
        for (JsonNode e : root.path("accepted")) {
            String kind = e.path("kind").asText();
            FindingKind found = Arrays.stream(FindingKind.values()).filter(k -> k.id().equals(kind)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the schema's kinds differ from FindingKind: "
                            + kind));
            entries.add(new BaselineEntry(found, e.path("endpoint").asText(),
                    e.hasNonNull("method") ? e.path("method").asText() : null,
                    e.hasNonNull("origin") && !e.path("origin").asText().equals("*") ? e.path("origin").asText()
                            : null, e.path("reason").asText()));
        }
        return new Baseline(file.toString(), entries);
    }

    /** Splits each finding's evidence into accepted and new lines, and lists the entries that matched nothing. */
    public Judgement judge(List<Finding> findings) {
        Set<BaselineEntry> used = new LinkedHashSet<>();
        List<Judgement.Judged> judged = new ArrayList<>();
        for (Finding f : findings) {
            List<String> fresh = new ArrayList<>();
            List<String> accepted = new ArrayList<>();
            for (String text : f.evidence()) {
                EvidenceLine line = EvidenceLine.parse(text);
                List<BaselineEntry> covering = entries.stream().filter(e -> e.covers(f.kind(), line)).toList();
                used.addAll(covering);
                (covering.isEmpty() ? fresh : accepted).add(text);
            }
            judged.add(new Judgement.Judged(f, fresh, accepted));
        }
        return new Judgement(judged, entries.stream().filter(e -> !used.contains(e)).toList());
    }
}
