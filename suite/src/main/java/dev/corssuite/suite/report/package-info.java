/**
 * The HTML report: Allure's command line (unpacked from Maven Central by the build) turns a run's results into one
 * self-contained file without analytics, and the history the report embeds is kept for the next run's trends. The
 * results themselves are written during the run by allure-testng; the compliance matrix lives in {@code run}.
 */
package dev.corssuite.suite.report;
