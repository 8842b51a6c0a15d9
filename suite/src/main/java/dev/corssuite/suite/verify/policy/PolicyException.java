package dev.corssuite.suite.verify.policy;

import java.util.List;
import java.util.stream.Collectors;

/** The policy file cannot be used; carries every problem found, not just the first. */
public final class PolicyException extends RuntimeException {
    private final List<PolicyProblem> problems;

    public PolicyException(List<PolicyProblem> problems) {
        super(problems.size() + " problem(s) in the policy file:\n" + problems.stream()
                .map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
