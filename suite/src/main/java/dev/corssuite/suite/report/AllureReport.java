package dev.corssuite.suite.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Turns a run's Allure results into {@code reports/allure-report/index.html}: one self-contained file, no analytics,
 * with the trend of earlier runs (kept in {@code reports/allure-history/}).
 */
public final class AllureReport {
    // Allure 2.34 keeps an inline gtag() block even with ALLURE_NO_ANALYTICS=true (fixed upstream, allure2 PR 3332).
    private static final Pattern ANALYTICS = Pattern.compile("<script>\\s*window\\.dataLayer.*?</script>", Pattern.DOTALL);

    private final Path reports;

    /** {@code reports}: the folder holding allure-report/, allure-history/ and out/. */
    public AllureReport(Path reports) {
        this.reports = reports;
    }

    public Path indexHtml() {
        return reports.resolve("allure-report").resolve("index.html");
    }

    /** Generates the report from {@code results}; throws {@link ReportException} saying why it could not. */
    public Path generate(Path results) {
        ReportHistory history = new ReportHistory(reports.resolve("allure-history"));
        history.handTo(results);
        AllureCommandLine.find().generateSingleFile(results, indexHtml().getParent(),
                reports.resolve("out").resolve("allure-report.log"));
        try {
            String html = Files.readString(indexHtml(), StandardCharsets.UTF_8);
            String clean = ANALYTICS.matcher(html).replaceAll("");
            Files.writeString(indexHtml(), clean, StandardCharsets.UTF_8);
            history.keepFrom(clean);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the report " + indexHtml(), e);
        }
        return indexHtml();
    }
}
