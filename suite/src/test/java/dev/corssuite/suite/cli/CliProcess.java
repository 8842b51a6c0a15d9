package dev.corssuite.suite.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.testng.Assert.assertTrue;

/** The command line as users run it, in its own JVM, on a throwaway copy of the project's fixtures. */
final class CliProcess {
    static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");

    record Outcome(int exit, String output) {
    }

    private CliProcess() {
    }

    static Path copyOfProject() throws IOException {
        Path root = Files.createTempDirectory("cors-root");
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            for (Path source : walk.toList()) {
                Path target = root.resolve("fixtures").resolve(FIXTURES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return root;
    }

    static void edit(Path root, String file, String from, String to) throws IOException {
        Path path = root.resolve("fixtures").resolve("cases").resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " no longer contains: " + from);
        Files.writeString(path, text.replace(from, to));
    }

    static Outcome run(Path root, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcors.root=" + root, CorsSuite.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
