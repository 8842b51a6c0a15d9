package dev.corssuite.suite.table;

/** One thing wrong with the table, located by file, row id and field. */
public record TableProblem(String file, String row, String field, String message) {
    @Override
    public String toString() {
        return file + (row == null ? "" : ", row " + row) + (field == null || field.isEmpty() ? "" : ", field " + field)
                + ": " + message;
    }
}
