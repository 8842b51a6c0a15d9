package dev.corssuite.suite.results.writers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.verify.baseline.EvidenceLine;
import dev.corssuite.suite.verify.baseline.Judgement;
import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.verify.findings.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verification's findings as SARIF 2.1.0 for code-scanning dashboards: one rule per finding kind (with help
 * text and severity), one result per finding with its evidence lines; findings a baseline fully accepts carry an
 * external suppression with the baseline's reasons.
 */
public final class SarifLog {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION = "https://github.com/corssuite/cors-suite#verify-your-own-server";
    private static final String CORS_PROTOCOL = "https://fetch.spec.whatwg.org/#http-cors-protocol";

    private SarifLog() {
    }

    /**
     * @param target    the verified server's base URL; a finding's location is the endpoint its evidence names
     * @param judgement the findings held against a baseline (its {@code findings} are those of {@code results})
     */
    public static Path write(Results results, String target, Judgement judgement, Path file) throws IOException {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "cors-suite");
        driver.put("semanticVersion", "0.1.0");
        driver.put("informationUri", INFORMATION);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            rules.add(rule(kind));
        }
        driver.put("rules", rules);
        List<Map<String, Object>> sarifResults = new ArrayList<>();
        for (Judgement.Judged judged : judgement.findings()) {
            sarifResults.add(result(judged, target.replaceAll("/+$", "")));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("invocations", List.of(Map.of("executionSuccessful", !results.engines().isEmpty())));
        run.put("results", sarifResults);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return ReplacedFile.writeJson(file, log);
    }

    private static Map<String, Object> rule(FindingKind kind) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", kind.id());
        rule.put("name", pascalCase(kind));
        rule.put("shortDescription", text(kind.title() + "."));
        rule.put("fullDescription", text(kind.title() + ": " + kind.meaning() + "."));
        rule.put("helpUri", CORS_PROTOCOL);
        rule.put("help", Map.of(
                "text", kind.title() + ". Why it matters: " + kind.meaning() + ". Each result lists the requests "
                        + "and answers that show it; see the Fetch standard's CORS protocol: " + CORS_PROTOCOL + ".",
                "markdown", "**" + kind.title() + "**\n\nWhy it matters: " + kind.meaning() + ".\n\nEach result "
                        + "lists the requests and answers that show it. See the [CORS protocol](" + CORS_PROTOCOL
                        + ") of the Fetch standard."));
        rule.put("defaultConfiguration", Map.of("level", level(kind.severity())));
        rule.put("properties", Map.of("tags", List.of("security", "cors"),
                "security-severity", securitySeverity(kind.severity()), "severity", kind.severity().id()));
        return rule;
    }

    private static Map<String, Object> result(Judgement.Judged judged, String target) {
        FindingKind kind = judged.finding().kind();
        Severity severity = Severity.of(judged.finding());
        List<String> evidence = judged.finding().evidence();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", kind.id());
        result.put("ruleIndex", kind.ordinal());
        result.put("level", level(severity));
        result.put("message", text(kind.title() + " (" + evidence.size() + " request(s)):\n"
                + String.join("\n", evidence.stream().map(l -> "- " + l).toList())));
        List<Map<String, Object>> locations = new ArrayList<>();
        evidence.stream().map(EvidenceLine::parse).map(EvidenceLine::endpoint).filter(e -> e != null).distinct()
                .forEach(endpoint -> locations.add(Map.of("physicalLocation",
                        Map.of("artifactLocation", Map.of("uri", target + endpoint)))));
        if (locations.isEmpty()) {
            locations.add(Map.of("physicalLocation", Map.of("artifactLocation", Map.of("uri", target + "/"))));
        }
        result.put("locations", locations);
        result.put("partialFingerprints", Map.of("corsFinding/v1", kind.id() + " " + target));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("severity", severity.id());
        properties.put("evidence", evidence);
        properties.put("acceptedByBaseline", judged.accepted());
        result.put("properties", properties);
        if (!judged.isNew()) {
            result.put("suppressions", List.of(Map.of("kind", "external", "status", "accepted",
                    "justification", "every request is listed in the baseline")));
        }
        return result;
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning reads this 0-10 score: 9+ critical, 7+ high, 4+ medium, below low. */
    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "1.0";
        };
    }

    private static String pascalCase(FindingKind kind) {
        StringBuilder name = new StringBuilder();
        for (String word : kind.id().split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }
}
