package dev.corssuite.suite.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.verdict.Observation;

import java.util.List;

/**
 * One item in one engine: the status, the verdict the engine reached (null without one), the lines that explain a
 * status other than MATCHED (differences, the deviation's source, the infrastructure error), and the evidence.
 */
public record Cell(Status status, Verdict verdict, List<String> details, @JsonIgnore Observation evidence) {
    public Cell {
        details = List.copyOf(details);
    }

    public static Cell infrastructureError(String reason) {
        return new Cell(Status.INFRASTRUCTURE_ERROR, null, List.of(reason), null);
    }

    /** The first detail line, or "" when there is none. */
    public String summary() {
        return details.isEmpty() ? "" : details.get(0);
    }
}
