package dev.corssuite.suite.cli;

import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;

public class ReportOutputTest {
    @Test
    public void aFailedWriteKeepsThePreviousResultsWhole() throws IOException {
        Path parent = Files.createTempDirectory("report-output");
        Path folder = parent.resolve("allure-results");
        ReportOutput.replaceFolder(folder, staged -> Files.writeString(staged.resolve("a.json"), "first"));

        assertThrows(IOException.class, () -> ReportOutput.replaceFolder(folder, staged -> {
            Files.writeString(staged.resolve("a.json"), "half");
            throw new IOException("interrupted while writing");
        }));

        assertEquals(Files.readString(folder.resolve("a.json")), "first");
        assertFalse(Files.exists(parent.resolve("allure-results.partial")));
    }

    @Test
    public void aCompleteWriteReplacesTheFolder() throws IOException {
        Path parent = Files.createTempDirectory("report-output");
        Path folder = parent.resolve("allure-results");
        ReportOutput.replaceFolder(folder, staged -> Files.writeString(staged.resolve("old.json"), "1"));
        ReportOutput.replaceFolder(folder, staged -> Files.writeString(staged.resolve("new.json"), "2"));

        try (var files = Files.list(parent)) {
            assertEquals(files.map(p -> p.getFileName().toString()).toList(), java.util.List.of("allure-results"));
        }
        assertFalse(Files.exists(folder.resolve("old.json")));
        assertEquals(Files.readString(folder.resolve("new.json")), "2");
    }
}
