/**
 * Running the table in browsers: staging rows on the origins, sending them to the probe in batches, the TestNG test
 * that checks each row in each browser, the per-browser summary, and the settings a run reads. The command line
 * lives in {@code cli}; browsers in {@code browser}.
 */
package dev.corssuite.suite.run;
