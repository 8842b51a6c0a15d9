package dev.corssuite.suite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.verify.ExpressServer;
import org.testng.SkipException;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The GitHub Action, locally: action.yml and the workflows pass GitHub's schemas (action-validator from npm, pinned
 * by a committed lock file), and its one script verifies the Express app in two browsers (one "job" each) and
 * merges their results into one matrix and one HTML report.
 */
@Test(groups = "browser")
public class GitHubActionTest {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", "..")).toAbsolutePath().normalize();
    private static final Path VALIDATOR = ROOT.resolve("suite/target/action-validator");
    /** The suite as this test runs it: during {@code mvn verify} the launcher's classpath.txt is not written yet. */
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @Test
    public void theActionAndTheWorkflowsPassGitHubsSchemas() throws Exception {
        installValidator();
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("action.yml")));
        try (var workflows = Files.list(ROOT.resolve(".github/workflows"))) {
            files.addAll(workflows.toList());
        }
        for (Path file : files) {
            Result r = run(ROOT, Map.of(), VALIDATOR.resolve("node_modules/.bin/action-validator").toString(),
                    file.toString());
            assertEquals(r.exit(), 0, file + ":\n" + r.output());
        }
    }

    @Test
    public void theScriptVerifiesInTwoBrowsersAndMergesThem() throws Exception {
        List<String> browsers = EngineSelection.choose(Arrays.asList(System.getProperty("cors.browsers", "all")
                .split(","))).engines().stream().map(e -> e.name()).limit(2).toList();
        if (browsers.size() < 2) {
            throw new SkipException("needs two browsers, has " + browsers);
        }
        Path out = Files.createTempDirectory("cors-action");
        String script = ROOT.resolve(".github/cors-suite-action.sh").toString();
        try (ExpressServer express = new ExpressServer("correct")) {
            for (String browser : browsers) {
                Result r = run(ROOT, Map.of("CORS_MODE", "verify", "CORS_TARGET", express.url().toString(),
                        "CORS_POLICY", "fixtures/policies/example-policy.yaml", "CORS_BROWSER", browser,
                        "CORS_OUT", out.toString(), "CORS_SUITE_BUILT", "1", "CORS_SUITE_CLASSPATH", CLASS_PATH),
                        script);
                assertEquals(r.exit(), 0, r.output());
                assertTrue(Files.exists(out.resolve("cors-" + browser + ".sarif")), r.output());
                assertTrue(Files.exists(out.resolve("results-" + browser + ".json")), r.output());
            }
        }
        Result merged = run(ROOT, Map.of("CORS_MODE", "merge", "CORS_OUT", out.toString(), "CORS_SUITE_BUILT", "1",
                "CORS_SUITE_CLASSPATH", CLASS_PATH), script);
        assertEquals(merged.exit(), 0, merged.output());
        JsonNode results = new ObjectMapper().readTree(out.resolve("merged/results.json").toFile());
        assertEquals(results.at("/engines").size(), 2, results.at("/engines").toString());
        JsonNode firstItem = results.at("/items/0/cells");
        browsers.forEach(b -> assertTrue(firstItem.has(b), b + " missing in " + firstItem));
        String matrix = Files.readString(out.resolve("merged/matrix.md"));
        browsers.forEach(b -> assertTrue(matrix.contains(b), b + " missing in the matrix"));
        assertTrue(Files.size(out.resolve("merged/report.html")) > 10_000, "the merged HTML report");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("action", ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(p.exitValue(), output);
    }

    private static synchronized void installValidator() throws IOException, InterruptedException {
        Path source = ROOT.resolve("suite/src/test/resources/action-validator");
        Files.createDirectories(VALIDATOR);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json")) {
            Path target = VALIDATOR.resolve(file);
            if (!Files.exists(target) || Files.mismatch(target, source.resolve(file)) != -1) {
                Files.copy(source.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (!changed && Files.isExecutable(VALIDATOR.resolve("node_modules/.bin/action-validator"))) {
            return;
        }
        Result npm = run(VALIDATOR, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        assertEquals(npm.exit(), 0, "npm ci in " + VALIDATOR + ":\n" + npm.output());
    }
}
