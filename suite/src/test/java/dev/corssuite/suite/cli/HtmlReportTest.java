package dev.corssuite.suite.cli;

import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.browser.ChromiumEngine;
import dev.corssuite.suite.cli.CliProcess.Outcome;
import org.testng.annotations.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The HTML report as a reader sees it: two runs of the command line on a copy of the table with one flipped
 * expectation, then the single-file report opened from disk in headless Chromium, its overview read from the page.
 */
public class HtmlReportTest {
    private static final String CASES = "allow-headers-star-not-authorization,get-acao-star,head-acao-star,"
            + "include-acao-star";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test(groups = "browser")
    public void theReportShowsTheRunsTotalsCategoriesAndTrend() throws Exception {
        Path root = CliProcess.copyOfProject();
        CliProcess.edit(root, "simple-requests.yaml", "request: {to: cross-port, method: HEAD}\n    expect: {verdict: "
                + "ALLOWED, preflight: false", "request: {to: cross-port, method: HEAD}\n    expect: {verdict: ALLOWED, "
                + "preflight: true");
        for (int run = 1; run <= 2; run++) {
            Outcome outcome = CliProcess.run(root, "run", "--browsers", "chromium", "--cases", CASES);
            assertEquals(outcome.exit(), 1, outcome.output());
            assertTrue(outcome.output().contains("Report: " + root.resolve("reports/allure-report/index.html")),
                    outcome.output());
        }
        Path report = root.resolve("reports/allure-report/index.html");
        String html = Files.readString(report);
        assertFalse(html.contains("dataLayer") || html.contains("gtag("), "no analytics in the report");
        try (var files = Files.list(report.getParent())) {
            assertEquals(files.count(), 1L, "one self-contained file");
        }

        try (BrowserSession browser = new ChromiumEngine().start()) {
            browser.open(report.toUri().toString());
            waitForOverview(browser);
            String summary = widgetText(browser, "summary");
            assertTrue(summary.matches("(?s).*\\b4\\s+test cases.*"), summary);
            assertEquals(statusCounts(browser, "suites"), Map.of("passed", "2", "failed", "1", "skipped", "1"));
            String categories = widgetText(browser, "categories");
            assertTrue(categories.matches("(?s).*Engine deviates from the spec \\(known\\)\\s+1\\b.*"), categories);
            assertTrue(categories.matches("(?s).*Unexpected browser verdict\\s+1\\b.*"), categories);
            assertFalse(categories.contains("Infrastructure failure"), categories);
            assertTrue(widgetText(browser, "environment").contains("browser.chromium"), "environment names the browser");
            assertEquals(browser.evaluateAsync("Promise.resolve(String(document.querySelectorAll("
                    + "'[data-id=\"history-trend\"] .report-line').length))", WAIT), "2", "the trend shows both runs");
        }
    }

    private static void waitForOverview(BrowserSession browser) {
        browser.evaluateAsync("new Promise((resolve, reject) => { const start = Date.now(); (function poll() {"
                + " if (document.querySelector('[data-id=\"suites\"] .bar')"
                + " && document.querySelector('[data-id=\"history-trend\"] svg')) resolve('ready');"
                + " else if (Date.now() - start > 20000) reject(new Error('overview did not render: '"
                + " + document.body.innerText.slice(0, 500)));"
                + " else setTimeout(poll, 100); })(); })", WAIT);
    }

    private static String widgetText(BrowserSession browser, String id) {
        return browser.evaluateAsync("Promise.resolve(document.querySelector('[data-id=\"" + id + "\"]').innerText)",
                WAIT);
    }

    private static Map<String, String> statusCounts(BrowserSession browser, String id) {
        String pairs = browser.evaluateAsync("Promise.resolve(Array.from(document.querySelectorAll('[data-id=\"" + id
                + "\"] .bar__fill')).map(e => e.className.replace(/.*bar__fill_status_/, '') + '=' + e.textContent"
                + ".trim()).join(','))", WAIT);
        Map<String, String> counts = new java.util.TreeMap<>();
        for (String pair : pairs.split(",")) {
            String[] kv = pair.split("=", 2);
            counts.put(kv[0], kv[1]);
        }
        return counts;
    }
}
