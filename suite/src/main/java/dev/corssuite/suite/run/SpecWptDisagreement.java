package dev.corssuite.suite.run;

import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.SpecWptSplit;
import dev.corssuite.suite.verdict.Comparison;
import dev.corssuite.suite.verdict.Observation;
import org.testng.SkipException;

import java.util.List;

/**
 * The browser did what the table records for it on a row where the spec text and web-platform-tests disagree:
 * neither a pass, nor a failure, nor a deviation of the engine (the question is the standard's, not the engine's).
 */
public final class SpecWptDisagreement extends SkipException {
    public SpecWptDisagreement(String message) {
        super(message);
    }

    /**
     * Judges a split row: throws this when the browser does what the split records for it, else an
     * {@link AssertionError} saying what it does instead.
     */
    static void judge(String where, CorsCase row, SpecWptSplit split, String browser, Observation observed) {
        SpecWptSplit.Side side = split.engines().get(browser);
        String sources = row.spec() + " vs " + split.wpt() + " (\"" + split.test() + "\")";
        List<String> fromRecorded = Comparison.differences(split.expectationFor(browser, row.expect()), observed);
        if (fromRecorded.isEmpty()) {
            throw new SpecWptDisagreement(where + ": the spec text and WPT disagree here (" + sources + "); "
                    + browser + " does what " + (side == SpecWptSplit.Side.WPT ? "WPT expects" : "the spec text says"));
        }
        SpecWptSplit.Side other = side == SpecWptSplit.Side.WPT ? SpecWptSplit.Side.SPEC : SpecWptSplit.Side.WPT;
        boolean switched = Comparison.differences(split.expectationOf(other, row.expect()), observed).isEmpty();
        throw new AssertionError(where + ": the table records that " + browser + " follows " + side + " here ("
                + sources + ")" + (switched ? ", but it now follows " + other + "; update specWptSplit.engines"
                : ", but it does neither: " + String.join("; ", fromRecorded)));
    }
}
