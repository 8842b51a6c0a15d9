package dev.corssuite.suite.api;

import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.verify.ExpressServer;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * After {@code package}: the jars are installed into the local repository (~/.m2, as {@code mvn install} does), then
 * another Maven project in a temp folder ({@code resources/consumer}) depends on them by coordinates and runs two
 * verifications through the API offline ({@code mvn -o test}) against the Express app in one browser.
 */
@Test(groups = "installed")
public class InstalledArtifactTest {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("cors.version", "0.1.0-SNAPSHOT");
    private static final String INSTALL = "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file";

    @Test
    public void anotherMavenProjectVerifiesAServerThroughTheInstalledArtifact() throws Exception {
        install(ROOT.resolve("pom.xml"), ROOT.resolve("pom.xml"));
        install(ROOT.resolve("origins/target/cors-suite-origins-" + VERSION + ".jar"), ROOT.resolve("origins/pom.xml"));
        install(ROOT.resolve("suite/target/cors-suite-suite-" + VERSION + ".jar"), ROOT.resolve("suite/pom.xml"));

        Path project = Files.createTempDirectory("cors-consumer");
        copyTree(ROOT.resolve("suite/src/test/resources/consumer"), project);
        Files.writeString(project.resolve("pom.xml"), Files.readString(project.resolve("pom.xml"))
                .replace("{{version}}", VERSION));
        String browser = EngineSelection.choose(Arrays.asList(System.getProperty("cors.browsers", "all")
                .split(","))).engines().get(0).name();
        try (ExpressServer good = new ExpressServer("correct"); ExpressServer bad = new ExpressServer("reflect-any")) {
            String output = maven(project, "-o", "test", "-Dgood.server=" + good.url(),
                    "-Dbad.server=" + bad.url(), "-Dbrowser=" + browser);
            System.out.println(output);
            assertTrue(output.contains("BUILD SUCCESS"), output);
            String report = Files.readString(project.resolve("target/surefire-reports/TEST-example.ServerCorsTest.xml"));
            assertTrue(report.contains("tests=\"2\"") && report.contains("failures=\"0\"")
                    && report.contains("errors=\"0\""), report);
            assertTrue(report.contains("[CRITICAL] origin-reflected"), "the consumer printed the finding");
            assertTrue(Files.exists(project.resolve("target/cors-suite/fixtures/pages/probe.js")),
                    "the pages came out of the installed jar");
            assertTrue(Files.exists(project.resolve("target/cors-suite/reports/out/verify.md")));
        }
    }

    private static void install(Path file, Path pom) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(file), file + " (run after `package`)");
        maven(ROOT, INSTALL, "-Dfile=" + file, "-DpomFile=" + pom);
    }

    private static String maven(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("mvn", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertEquals(p.exitValue(), 0, String.join(" ", command) + " in " + dir + ":\n" + output);
        return output;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
