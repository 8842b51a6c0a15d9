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
        boolean alone) {

    @Override
    public String toString() {
        return id;
    }
}
