package dev.corssuite.suite.oracle;

/** One request of a sequence, sent {@code waitMillis} after the previous one settled. */
public record OracleStep(OracleRequest request, long waitMillis) {
}
