package dev.corssuite.suite.documents;

/**
 * One thing wrong with an input file: the file, the row (the {@code id} of the list entry it is in, when entries
 * have ids) and the field (a path such as {@code expect.verdict} or {@code origins[1]}), and why.
 */
public record Problem(String file, String row, String field, String message) {
    /** A problem in a field of a file whose entries have no ids. */
    public static Problem at(String file, String field, String message) {
        return new Problem(file, null, field, message);
    }

    @Override
    public String toString() {
        String where = row != null ? ", row " + row + (field == null || field.isEmpty() ? "" : ", field " + field)
                : field == null || field.isEmpty() ? "" : ", " + field;
        return file + where + ": " + message;
    }
}
