package dev.corssuite.suite.results;

/** An engine as a run used it: name, browser version and how it was driven (or why it did not run). */
public record EngineRun(String name, String version, String drivenBy) {
}
