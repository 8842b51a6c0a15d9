package dev.corssuite.suite.runner;

import dev.corssuite.suite.probe.ProbeCase;

/** A job ready for the probe page; {@code release} undoes the staging once it is judged. */
public record Staged(ProbeCase probe, Runnable release) {
    public static Staged of(ProbeCase probe) {
        return new Staged(probe, () -> { });
    }
}
