/**
 * The Fetch standard's CORS decisions written as code, independent of the table: is a preflight needed (given the
 * preflight cache), does it pass, does the CORS check pass on each hop, where a redirect leads (tainted origin,
 * method change, userinfo, 20-redirect limit), which response headers can script read. The table's expectations are checked
 * against it row by row; later it predicts what a browser should do with a real server's answers.
 */
package dev.corssuite.suite.oracle;
