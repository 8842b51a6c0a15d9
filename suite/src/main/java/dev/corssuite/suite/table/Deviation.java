package dev.corssuite.suite.table;

import dev.corssuite.suite.facts.Facts;

/** What one engine knowingly does instead of the spec on a row, and where that is documented. */
public record Deviation(String engine, String source, String note, Facts expect) {
}
