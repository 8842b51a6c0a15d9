package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;

import java.util.List;

/** A server's answer as the oracle sees it (origin placeholders already filled in). */
public record OracleAnswer(int status, List<HeaderLine> headers, long delayMillis) {
    public OracleAnswer {
        headers = List.copyOf(headers);
    }
}
