package dev.corssuite.suite.verify;

import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CorsCase;
import org.testng.annotations.Test;

import java.nio.file.Path;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Verify mode's known engine deviations agree with the case table: each rule explains exactly what the table's rows
 * of its engine and initiators record, so a verdict it excuses in verify mode is one the table observed.
 */
public class EngineDeviationsTest {
    private static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");

    @Test
    public void everyRuleIsWhatTheTableRecordsForItsEngineAndInitiators() {
        EngineDeviations deviations = EngineDeviations.load(FIXTURES);
        assertFalse(deviations.rules().isEmpty());
        CaseTable table = CaseTable.load(FIXTURES);
        for (EngineDeviation rule : deviations.rules()) {
            List<CorsCase> rows = table.cases().stream()
                    .filter(c -> rule.initiators().contains(c.request().spec().api())).toList();
            assertFalse(rows.isEmpty(), rule.describe() + ": no row of the table covers it");
            int explained = 0;
            for (CorsCase row : rows) {
                Verdict standard = row.expect().verdict();
                Verdict engine = row.deviation(rule.engine()).map(d -> d.expect().verdict()).orElse(standard);
                boolean answered = row.actual().status() >= 200 && row.actual().status() < 300;
                if (answered) {
                    assertEquals(engine, Verdict.ALLOWED, row.id() + ": the table records " + engine + " in "
                            + rule.engine() + ", the rule says it loads whatever the CORS headers say");
                }
                if (engine != standard) {
                    assertTrue(rule.explains(rule.engine(), row.request().spec().api(), standard, engine),
                            row.id() + ": the rule does not explain the table's deviation " + standard + " -> "
                                    + engine);
                    assertTrue(row.deviation(rule.engine()).orElseThrow().source().equals(rule.source()),
                            row.id() + " cites another source than the rule");
                    explained++;
                }
            }
            assertTrue(explained > 0, rule.describe() + ": no row of the table deviates as it says");
        }
    }

    @Test
    public void aRuleExcusesOnlyItsEngineItsInitiatorsAndALoadThePolicyRefuses() {
        EngineDeviation fonts = EngineDeviations.load(FIXTURES).rules().get(0);
        var font = fonts.initiators().iterator().next();
        assertTrue(fonts.explains(fonts.engine(), font, Verdict.BLOCKED_AT_RESPONSE, Verdict.ALLOWED));
        assertFalse(fonts.explains(fonts.engine(), font, Verdict.ALLOWED, Verdict.BLOCKED_AT_RESPONSE),
                "a font the engine fails to load is the server's problem, not the deviation");
        assertFalse(fonts.explains("some-other-engine", font, Verdict.BLOCKED_AT_RESPONSE, Verdict.ALLOWED));
        assertFalse(fonts.explains(fonts.engine(), dev.corssuite.suite.request.Initiator.FETCH,
                Verdict.BLOCKED_AT_RESPONSE, Verdict.ALLOWED));
    }
}
