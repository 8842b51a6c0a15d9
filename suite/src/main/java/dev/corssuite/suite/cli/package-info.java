/** The command line behind {@code ./cors-suite}: {@code run} (the table in every chosen browser) and {@code bench}. */
package dev.corssuite.suite.cli;
