package dev.corssuite.suite.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** What every command that runs browsers and writes results takes: which browsers, how, and where results go. */
final class OutputOptions {
    @Option(names = "--browsers", description = "Comma-separated: chromium, firefox, webkit (default: all installed)",
            defaultValue = "all")
    String browsers;

    @Option(names = "--results", description = "Allure results folder (default: reports/allure-results)")
    Path results;

    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write the HTML report reports/allure-report/index.html (default: yes; --no-report skips it)")
    boolean report;

    @Option(names = "--serial", description = "Run the engines one after the other (default: side by side when the "
            + "machine has the cores and memory)")
    boolean serial;
}
