package dev.corssuite.suite.table;

/** One row of the table. */
public record CorsCase(
        String id,
        String description,
        String spec,
        String area,
        String file,
        Answer preflight,
        Answer actual,
        PageRequest request,
        Expectation expect,
        String control,
        boolean alone,
        java.util.Map<String, Deviation> deviations) {

    public CorsCase {
        deviations = java.util.Map.copyOf(deviations);
    }

    /** The engine's known deviation from the spec on this row, if the table records one. */
    public java.util.Optional<Deviation> deviation(String engine) {
        return java.util.Optional.ofNullable(deviations.get(engine));
    }

    @Override
    public String toString() {
        return id;
    }
}
