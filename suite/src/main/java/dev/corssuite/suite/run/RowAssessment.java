package dev.corssuite.suite.run;

import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.Status;
import dev.corssuite.suite.runner.ProbeOutcome;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.Deviation;
import dev.corssuite.suite.table.SpecWptSplit;
import dev.corssuite.suite.verdict.Observation;

import java.util.List;
import java.util.Optional;

/** How a row ended in one engine: its observation against the spec's expectation and the engine's known deviation. */
public final class RowAssessment {
    private RowAssessment() {
    }

    public static Cell assess(CorsCase row, String engine, String version, ProbeOutcome outcome) {
        if (!outcome.observed()) {
            return Cell.infrastructureError(outcome.infrastructureError());
        }
        Observation observed = outcome.observation();
        String where = engine + " " + version + ", case " + row.id() + " (" + row.file() + ")";
        if (row.split().isPresent()) {
            return split(where, row, row.split().get(), engine, observed);
        }
        List<String> fromSpec = observed.differencesFrom(row.expect());
        Optional<Deviation> deviation = row.deviation(engine);
        if (deviation.isEmpty()) {
            return fromSpec.isEmpty() ? cell(Status.MATCHED, observed, List.of())
                    : cell(Status.DIFFERED, observed, List.of(where + ": " + String.join("; ", fromSpec)));
        }
        String source = deviation.get().source();
        List<String> fromDeviation = observed.differencesFrom(deviation.get().expect());
        if (fromDeviation.isEmpty() && !fromSpec.isEmpty()) {
            return cell(Status.KNOWN_DEVIATION, observed, List.of(where + " deviates from the spec as recorded ("
                    + source + "): " + String.join("; ", fromSpec)));
        }
        if (fromSpec.isEmpty()) {
            return cell(Status.DIFFERED, observed, List.of(where + ": follows the spec now, but the table records a "
                    + "deviation for " + engine + " (" + source + "); remove it"));
        }
        return cell(Status.DIFFERED, observed, List.of(where + ": differs from the spec and from its recorded "
                + "deviation: " + String.join("; ", fromDeviation)));
    }

    /**
     * A row where the spec text and WPT disagree: doing what the table records for the engine is that disagreement
     * (neither a pass, a failure nor a deviation); anything else differs, saying whether the engine switched sides.
     */
    private static Cell split(String where, CorsCase row, SpecWptSplit split, String engine, Observation observed) {
        SpecWptSplit.Side side = split.engines().get(engine);
        String sources = row.spec() + " vs " + split.wpt() + " (\"" + split.test() + "\")";
        List<String> fromRecorded = observed.differencesFrom(split.expectationFor(engine, row.expect()));
        if (fromRecorded.isEmpty()) {
            return cell(Status.SPEC_WPT_DISAGREEMENT, observed, List.of(where + ": the spec text and WPT disagree "
                    + "here (" + sources + "); " + engine + " does what "
                    + (side == SpecWptSplit.Side.WPT ? "WPT expects" : "the spec text says")));
        }
        SpecWptSplit.Side other = side == SpecWptSplit.Side.WPT ? SpecWptSplit.Side.SPEC : SpecWptSplit.Side.WPT;
        boolean switched = observed.differencesFrom(split.expectationOf(other, row.expect())).isEmpty();
        return cell(Status.DIFFERED, observed, List.of(where + ": the table records that " + engine + " follows "
                + side + " here (" + sources + ")" + (switched ? ", but it now follows " + other
                + "; update specWptSplit.engines" : ", but it does neither: " + String.join("; ", fromRecorded))));
    }

    private static Cell cell(Status status, Observation observed, List<String> details) {
        return new Cell(status, observed.verdict(), details, observed);
    }
}
