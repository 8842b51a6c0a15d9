package dev.corssuite.suite.results;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the table or one request of a verify matrix: its id, a title for people, the group it belongs to
 * (area, or kind of origin), the reference it is checked against (spec anchor), what was expected (a verdict, or
 * the policy's intent), one cell per engine, and evidence for reports (name -> JSON-able value).
 */
public record Item(String id, String title, String group, String groupTitle, String reference, String expected,
                   Map<String, Cell> cells, @JsonIgnore Map<String, Object> evidence) {
    public Item {
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        // null when read back from results.json, which leaves the evidence out
        evidence = java.util.Collections.unmodifiableMap(evidence == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(evidence));
    }
}
