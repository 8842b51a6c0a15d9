package dev.corssuite.suite.run;

import dev.corssuite.suite.probe.ProbeResult;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.SpecWptSplit;
import dev.corssuite.suite.table.Verdict;
import dev.corssuite.suite.verdict.Observation;
import org.testng.annotations.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/** A browser on a row where the spec text and WPT disagree: the recorded side is a disagreement, anything else fails. */
public class SpecWptDisagreementTest {
    private static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");
    private static final CorsCase ROW = CaseTable.load(FIXTURES).byId("cache-max-age-negative");

    /** The second PUT of the row, preflighted again ({@code preflights} 2) or served from the cache (1). */
    private static Observation secondPut(int preflights) {
        ProbeResult page = new ProbeResult("cache-max-age-negative", false, false, null, 200, "cors", Map.of(), "",
                1);
        return new Observation(Verdict.ALLOWED, preflights == 2, true, preflights == 2 ? "" : null, 200, Set.of(),
                "PUT", List.of(), preflights, 2, null, false, List.of(), page, List.of());
    }

    @Test
    public void theRecordedSideIsReportedAsTheDisagreement() {
        SpecWptSplit split = ROW.split().orElseThrow();
        SpecWptDisagreement reported = expectThrows(SpecWptDisagreement.class,
                () -> SpecWptDisagreement.judge("here", ROW, split, "firefox", secondPut(2)));
        assertTrue(reported.getMessage().contains("does what WPT expects"), reported.getMessage());
        assertTrue(reported.getMessage().contains("cors/preflight-cache.htm"), reported.getMessage());
    }

    @Test
    public void theOtherSideFailsAndSaysWhichSideTheEngineTookNow() {
        AssertionError failed = expectThrows(AssertionError.class,
                () -> SpecWptDisagreement.judge("here", ROW, ROW.split().orElseThrow(), "chromium", secondPut(1)));
        assertTrue(failed.getMessage().contains("now follows SPEC; update specWptSplit.engines"), failed.getMessage());
    }
}
