package dev.corssuite.suite.results.writers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file next to its old version and then moves it into place, so an interrupted run leaves the
 * previous file whole instead of a truncated one.
 */
public final class ReplacedFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReplacedFile() {
    }

    public static Path writeString(Path file, String content) throws IOException {
        Path staged = staged(file);
        Files.writeString(staged, content);
        return replace(staged, file);
    }

    public static Path writeJson(Path file, Object value) throws IOException {
        Path staged = staged(file);
        JSON.writeValue(staged.toFile(), value);
        return replace(staged, file);
    }

    private static Path staged(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempFile(parent, "." + file.getFileName(), ".partial");
    }

    private static Path replace(Path staged, Path file) throws IOException {
        try {
            return Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staged);
        }
    }
}
