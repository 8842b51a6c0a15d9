package dev.corssuite.suite.oracle;

import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CorsCase;
import org.testng.annotations.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.testng.Assert.assertTrue;

/** The table's spec expectations and the oracle agree on every row: a disagreement is a bug in one of them. */
public class TableOracleTest {
    private static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");

    @Test
    public void everyRowAgreesWithTheOracle() {
        List<String> disagreements = new ArrayList<>();
        for (CorsCase row : CaseTable.load(FIXTURES).cases()) {
            List<String> d = TableOracle.disagreements(row);
            if (!d.isEmpty()) {
                disagreements.add(row.file() + ", row " + row.id() + ":\n      " + String.join("\n      ", d));
            }
        }
        assertTrue(disagreements.isEmpty(), disagreements.size() + " row(s) disagree with the oracle:\n  - "
                + String.join("\n  - ", disagreements));
    }
}
