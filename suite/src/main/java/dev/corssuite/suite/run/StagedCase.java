package dev.corssuite.suite.run;

import dev.corssuite.suite.probe.ProbeCase;
import dev.corssuite.suite.table.CorsCase;

/** A row registered on the origins under a fresh token, ready to send to the probe. */
public record StagedCase(CorsCase row, String token, ProbeCase probe) {
}
