package dev.corssuite.suite.verify;

import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.request.Initiator;

import java.util.Set;

/**
 * An engine's known departure from the standard for every request of some initiators
 * ({@code fixtures/engines/known-deviations.yaml}); today one behaviour: it uses the answer whatever its CORS
 * headers say.
 */
public record EngineDeviation(String engine, Set<Initiator> initiators, String source, String note) {
    public EngineDeviation {
        initiators = Set.copyOf(initiators);
    }

    /** Whether this rule explains {@code engine} reaching {@code observed} where the standard gives {@code intended}. */
    public boolean explains(String engine, Initiator api, Verdict intended, Verdict observed) {
        return this.engine.equals(engine) && initiators.contains(api) && observed == Verdict.ALLOWED
                && intended != Verdict.ALLOWED;
    }

    public String describe() {
        return engine + " deviates from the standard as recorded (" + source + "): " + note;
    }
}
