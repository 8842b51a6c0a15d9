package dev.corssuite.suite.table;

import dev.corssuite.suite.facts.Verdict;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** fixtures/README.md shows the table's coverage; this keeps it true after every added row. */
public class FixturesReadmeTest {
    private static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");
    private static final String START = "<!-- coverage:start (checked by FixturesReadmeTest) -->\n";
    private static final String END = "<!-- coverage:end -->";

    static String coverage(CaseTable table) {
        StringBuilder out = new StringBuilder("| area | file | rows | negative rows | known deviations | spec/WPT splits |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        for (CaseArea area : table.areas()) {
            long negative = area.cases().stream().filter(c -> c.expect().verdict() != Verdict.ALLOWED).count();
            long deviations = area.cases().stream().mapToLong(c -> c.deviations().size()).sum();
            long splits = area.cases().stream().filter(c -> c.split().isPresent()).count();
            out.append("| ").append(area.title()).append(" | `").append(area.file()).append("` | ")
                    .append(area.cases().size()).append(" | ").append(negative).append(" | ").append(deviations)
                    .append(" | ").append(splits).append(" |\n");
        }
        out.append("| **all** | | **").append(table.size()).append("** | | | |\n");
        return out.toString();
    }

    @Test
    public void readmeCoverageMatchesTheTable() throws IOException {
        String readme = Files.readString(FIXTURES.resolve("README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "fixtures/README.md lacks the coverage markers");
        String expected = coverage(CaseTable.load(FIXTURES));
        assertEquals(readme.substring(start + START.length(), end), expected,
                "fixtures/README.md's coverage table is out of date; replace it with:\n" + expected);
    }
}
