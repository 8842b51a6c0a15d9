package dev.corssuite.suite.table;

import dev.corssuite.suite.facts.Facts;

import java.util.Map;

/**
 * The spec text and web-platform-tests disagree on a row. The row's {@code spec} anchor and {@code expect} are the
 * spec text; {@code wpt} names the test file (and {@code test} the subtest) that expects {@code wptExpect} instead;
 * {@code engines} records which of the two each engine does. An engine doing what the table records for it is
 * reported as this disagreement: neither a pass, nor a failure, nor a deviation of the engine.
 */
public record SpecWptSplit(String wpt, String test, String note, Facts wptExpect, Map<String, Side> engines) {
    /** Which source an engine follows. */
    public enum Side { SPEC, WPT }

    public SpecWptSplit {
        engines = Map.copyOf(engines);
    }

    /** What the engine is recorded to do: the spec text's expectation or the wpt test's. */
    public Facts expectationFor(String engine, Facts specText) {
        return expectationOf(engines.get(engine), specText);
    }

    /** What one side expects: the wpt test's expectation, or the spec text's (the row's {@code expect}). */
    public Facts expectationOf(Side side, Facts specText) {
        return side == Side.WPT ? wptExpect : specText;
    }
}
