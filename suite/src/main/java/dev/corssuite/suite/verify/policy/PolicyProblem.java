package dev.corssuite.suite.verify.policy;

/** One thing wrong with a policy file, located by file and field (e.g. {@code origins[1]}). */
public record PolicyProblem(String file, String field, String message) {
    @Override
    public String toString() {
        return file + (field == null || field.isEmpty() ? "" : ", " + field) + ": " + message;
    }
}
