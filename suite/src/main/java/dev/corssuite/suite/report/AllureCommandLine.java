package dev.corssuite.suite.report;

import dev.corssuite.suite.browser.OwnedProcesses;
import dev.corssuite.suite.browser.Settings;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Allure's report generator, run as its own program with analytics off and a time cap. */
final class AllureCommandLine {
    static final String HOME_SETTING = "cors.allure.home";
    private static final long TIME_CAP_MINUTES = 5;

    private final Path program;

    private AllureCommandLine(Path program) {
        this.program = program;
    }

    /** The distribution the build unpacked next to the suite's classes, or the one the user's setting names. */
    static AllureCommandLine find() {
        Optional<Path> home = Settings.get(HOME_SETTING).map(Path::of).or(AllureCommandLine::unpackedByTheBuild);
        Path program = home.map(h -> h.resolve("bin").resolve("allure")).filter(Files::isExecutable)
                .orElseThrow(() -> new ReportException("Allure's command line is not there (" + home.map(Path::toString)
                        .orElse("no target/allure next to the suite's classes") + "); build with `mvn install` from the "
                        + "project root, or set " + Settings.howToSet(HOME_SETTING, "/path/to/allure-2.34.0")));
        return new AllureCommandLine(program);
    }

    private static Optional<Path> unpackedByTheBuild() {
        try {
            Path classes = Path.of(AllureCommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path unpacked = classes.getParent().resolve("allure");
            if (!Files.isDirectory(unpacked)) {
                return Optional.empty();
            }
            try (Stream<Path> dirs = Files.list(unpacked)) {
                return dirs.filter(d -> d.getFileName().toString().startsWith("allure-"))
                        .max(Comparator.comparing(Path::toString));
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the single-file report of {@code results} into {@code reportDir}; its output goes to {@code log}. */
    void generateSingleFile(Path results, Path reportDir, Path log) {
        List<String> command = List.of(program.toString(), "generate", "--single-file", "--clean",
                results.toString(), "-o", reportDir.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("ALLURE_NO_ANALYTICS", "true");
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        try {
            Files.createDirectories(log.getParent());
            Process process = OwnedProcesses.start(builder);
            if (!process.waitFor(TIME_CAP_MINUTES, TimeUnit.MINUTES)) {
                OwnedProcesses.end(process);
                throw new ReportException("Allure did not finish the report within " + TIME_CAP_MINUTES
                        + " minutes; see " + log);
            }
            OwnedProcesses.release(process);
            if (process.exitValue() != 0) {
                throw new ReportException("Allure could not generate the report (exit " + process.exitValue()
                        + "); see " + log);
            }
        } catch (IOException e) {
            throw new ReportException("cannot run " + program + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("interrupted while generating the report");
        }
    }
}
