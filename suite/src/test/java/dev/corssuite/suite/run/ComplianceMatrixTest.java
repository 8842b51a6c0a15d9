package dev.corssuite.suite.run;

import org.testng.annotations.Test;

import static org.testng.Assert.assertTrue;

public class ComplianceMatrixTest {
    @Test
    public void groupsRowsByAreaAndMarksEachBrowser() {
        ComplianceMatrix m = new ComplianceMatrix();
        m.record("b-area", "two", "Second <row>", "firefox", ComplianceMatrix.Cell.DIFFERS);
        m.record("a-area", "one", "First row | piped", "chromium", ComplianceMatrix.Cell.MATCHES);
        m.record("a-area", "one", "First row | piped", "firefox", ComplianceMatrix.Cell.KNOWN_DEVIATION);
        String md = m.markdown();
        assertTrue(md.indexOf("### a-area") < md.indexOf("### b-area"), md);
        assertTrue(md.contains("| `one` First row \\| piped | ✅ | 🟡 |"), md);
        assertTrue(md.contains("| `two` Second <row> | ⚪ | ❌ |"), md);
        String html = m.html();
        assertTrue(html.contains("Second &lt;row&gt;"), html);
        assertTrue(html.contains("class=\"c DIFFERS\""), html);
    }

    @Test
    public void aSpecWptDisagreementHasItsOwnMark() {
        ComplianceMatrix m = new ComplianceMatrix();
        m.record("preflight-cache", "cache-max-age-negative", "Negative max-age", "webkit",
                ComplianceMatrix.Cell.SPEC_WPT_SPLIT);
        assertTrue(m.markdown().contains("| `cache-max-age-negative` Negative max-age | 🔀 |"), m.markdown());
        assertTrue(m.markdown().contains("🔀 spec and WPT disagree"), m.markdown());
        assertTrue(m.html().contains("class=\"c SPEC_WPT_SPLIT\">🔀 spec and WPT disagree"), m.html());
    }
}
