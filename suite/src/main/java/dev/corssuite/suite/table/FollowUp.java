package dev.corssuite.suite.table;

/** A further request of a multi-request row: sent {@code waitMillis} after the previous one settled. */
public record FollowUp(long waitMillis, PageRequest request) {
}
