package dev.corssuite.suite.table;

import java.util.List;
import java.util.stream.Collectors;

/** The table could not be loaded; carries every problem found, not just the first. */
public final class CaseTableException extends RuntimeException {
    private final List<TableProblem> problems;

    public CaseTableException(List<TableProblem> problems) {
        super(problems.size() + " problem(s) in the case table:\n" + problems.stream()
                .map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<TableProblem> problems() {
        return problems;
    }
}
