package dev.corssuite.suite.results.writers;

import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.EngineRun;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.Status;
import org.testng.annotations.Test;

import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertTrue;

public class ComplianceMatrixTest {
    private static Cell cell(Status status) {
        return new Cell(status, Verdict.ALLOWED, List.of(), null);
    }

    @Test
    public void groupsItemsAndMarksEachEngine() {
        Item two = new Item("two", "Second <row>", "b-area", "B", null, "ALLOWED",
                Map.of("firefox", cell(Status.DIFFERED)), Map.of());
        Item one = new Item("one", "First row | piped", "a-area", "A", null, "ALLOWED",
                Map.of("chromium", cell(Status.MATCHED), "firefox", cell(Status.KNOWN_DEVIATION)), Map.of());
        Item three = new Item("three", "Third", "a-area", "A", null, "ALLOWED",
                Map.of("chromium", Cell.infrastructureError("browser crashed")), Map.of());
        Results results = new Results(Results.Mode.CONFORMANCE, "3 cases", List.of(new EngineRun("firefox", "1", "x"),
                new EngineRun("chromium", "2", "y")), Map.of(), List.of(two, one, three), List.of());
        ComplianceMatrix m = new ComplianceMatrix(results);
        String md = m.markdown();
        assertTrue(md.indexOf("### a-area") < md.indexOf("### b-area"), md);
        assertTrue(md.contains("| `one` First row \\| piped | ✅ | 🟡 |"), md);
        assertTrue(md.contains("| `two` Second <row> | ⚪ | ❌ |"), md);
        assertTrue(md.contains("| `three` Third | ⚠️ | ⚪ |"), md);
        String html = m.html();
        assertTrue(html.contains("Second &lt;row&gt;"), html);
        assertTrue(html.contains("class=\"c DIFFERED\""), html);
    }

    @Test
    public void aSpecWptDisagreementHasItsOwnMark() {
        Item row = new Item("cache-max-age-negative", "Negative max-age", "preflight-cache", "Cache", null, "ALLOWED",
                Map.of("webkit", cell(Status.SPEC_WPT_DISAGREEMENT)), Map.of());
        ComplianceMatrix m = new ComplianceMatrix(new Results(Results.Mode.CONFORMANCE, "1 case",
                List.of(new EngineRun("webkit", "2.50", "x")), Map.of(), List.of(row), List.of()));
        assertTrue(m.markdown().contains("| `cache-max-age-negative` Negative max-age | 🔀 |"), m.markdown());
        assertTrue(m.markdown().contains("🔀 spec and WPT disagree"), m.markdown());
        assertTrue(m.html().contains("class=\"c SPEC_WPT_DISAGREEMENT\">🔀 spec and WPT disagree"), m.html());
    }
}
