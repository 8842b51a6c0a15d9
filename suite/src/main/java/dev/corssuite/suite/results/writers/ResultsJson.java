package dev.corssuite.suite.results.writers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.corssuite.suite.results.Results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole results model as {@code results.json}: mode, engines, every item's cells, findings. */
public final class ResultsJson {
    private ResultsJson() {
    }

    public static Path write(Results results, Path folder) throws IOException {
        return ReplacedFile.writeJson(folder.resolve("results.json"), results);
    }
}
