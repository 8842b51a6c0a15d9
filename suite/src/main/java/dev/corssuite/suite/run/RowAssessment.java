package dev.corssuite.suite.run;

import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.Status;
import dev.corssuite.suite.runner.ProbeOutcome;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.Deviation;
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

    private static Cell cell(Status status, Observation observed, List<String> details) {
        return new Cell(status, observed.verdict(), details, observed);
    }
}
