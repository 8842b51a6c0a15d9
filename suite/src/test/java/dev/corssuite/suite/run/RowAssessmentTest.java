package dev.corssuite.suite.run;

import dev.corssuite.suite.facts.Facts;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.Status;
import dev.corssuite.suite.runner.ProbeOutcome;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.verdict.Observation;
import org.testng.annotations.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** How a row's observation becomes a cell: matched, differed, a known deviation, a spec/WPT disagreement, an error. */
public class RowAssessmentTest {
    private static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");
    private static final CaseTable TABLE = CaseTable.load(FIXTURES);
    private static final CorsCase SPLIT = TABLE.byId("cache-max-age-negative");
    private static final ProbeResult PAGE = new ProbeResult("t", false, false, null, 200, "cors", Map.of(), "", 1);

    /** The second PUT of the split row, preflighted again ({@code preflights} 2) or served from the cache (1). */
    private static ProbeOutcome secondPut(int preflights) {
        Facts facts = new Facts(Verdict.ALLOWED, preflights == 2, true, preflights == 2 ? "" : null, 200, Set.of(),
                Set.of(), "PUT", List.of(), preflights, 2, null, false, List.of(), null);
        return ProbeOutcome.observed(new Observation(facts, PAGE, List.of()));
    }

    @Test
    public void theRecordedSideOfASpecWptSplitIsReportedAsTheDisagreement() {
        Cell cell = RowAssessment.assess(SPLIT, "firefox", "1", secondPut(2));
        assertEquals(cell.status(), Status.SPEC_WPT_DISAGREEMENT, cell.details().toString());
        assertTrue(cell.summary().contains("does what WPT expects"), cell.summary());
        assertTrue(cell.summary().contains("cors/preflight-cache.htm"), cell.summary());
        assertTrue(!cell.status().failsRun());
    }

    @Test
    public void theOtherSideOfASplitDiffersAndSaysWhichSideTheEngineTookNow() {
        Cell cell = RowAssessment.assess(SPLIT, "chromium", "1", secondPut(1));
        assertEquals(cell.status(), Status.DIFFERED);
        assertTrue(cell.summary().contains("now follows SPEC; update specWptSplit.engines"), cell.summary());
    }

    @Test
    public void anInfrastructureErrorIsNeverAVerdict() {
        Cell cell = RowAssessment.assess(SPLIT, "webkit", "1", ProbeOutcome.failed("the browser crashed"));
        assertEquals(cell.status(), Status.INFRASTRUCTURE_ERROR);
        assertEquals(cell.verdict(), null);
        assertTrue(cell.status().failsRun());
    }
}
