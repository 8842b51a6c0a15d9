package dev.corssuite.suite.table;

/** What the case's endpoint answers on one origin role, where it differs from the row's default; null = default. */
public record RoleAnswers(Answer preflight, Answer actual) {
}
