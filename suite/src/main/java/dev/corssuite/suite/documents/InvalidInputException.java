package dev.corssuite.suite.documents;

import java.util.List;
import java.util.stream.Collectors;

/** An input (the case table, a policy file) cannot be used; carries every problem found, not just the first. */
public final class InvalidInputException extends RuntimeException {
    private final List<Problem> problems;

    /** @param what names the input in the message, e.g. "the case table", "the policy file" */
    public InvalidInputException(String what, List<Problem> problems) {
        super(problems.size() + " problem(s) in " + what + ":\n" + problems.stream()
                .map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
