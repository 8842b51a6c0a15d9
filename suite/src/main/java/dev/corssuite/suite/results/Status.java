package dev.corssuite.suite.results;

/** How one item ended in one engine. */
public enum Status {
    /** As expected (conformance) or as the policy intends (verify). */
    MATCHED("✅", "matches"),
    /** The engine did what the table records as its known deviation from the spec. */
    KNOWN_DEVIATION("🟡", "known deviation"),
    /** The spec text and web-platform-tests disagree on the row, and the engine does what the table records for it. */
    SPEC_WPT_DISAGREEMENT("🔀", "spec and WPT disagree"),
    /** Not as expected, or not as the policy intends. */
    DIFFERED("❌", "differs"),
    /** The suite's own failure (a crashed browser, a broken script call, the proxy): no verdict, never a finding. */
    INFRASTRUCTURE_ERROR("⚠️", "infrastructure error"),
    /** The engine did not run the item. */
    NOT_RUN("⚪", "not run");

    private final String mark;
    private final String label;

    Status(String mark, String label) {
        this.mark = mark;
        this.label = label;
    }

    public String mark() {
        return mark;
    }

    public String label() {
        return label;
    }

    /** Whether the item counts against the run (exit status 1); one an engine cannot run is reported, not failed. */
    public boolean failsRun() {
        return this != MATCHED && this != KNOWN_DEVIATION && this != SPEC_WPT_DISAGREEMENT && this != NOT_RUN;
    }
}
