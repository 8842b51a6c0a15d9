package dev.corssuite.suite.serve;

import dev.corssuite.suite.results.Results;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the HTML report of a matrix run's results, as {@code verify} does, and returns its path. */
@FunctionalInterface
public interface HtmlReport {
    Path write(Results results) throws IOException;
}
