package dev.corssuite.suite.results.writers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Microsoft's SARIF Multitool from npm (version pinned by {@code sarif/package-lock.json}), installed once with
 * {@code npm ci} into {@code suite/target/sarif-multitool}; {@link #validate} runs {@code sarif-multitool validate}.
 */
public final class SarifValidator {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", ".."));
    private static final Path SOURCE = ROOT.resolve("suite/src/test/resources/sarif");
    private static final Path HOME = ROOT.resolve("suite/target/sarif-multitool");

    private SarifValidator() {
    }

    /** What the validator said, and whether it reported no error. */
    public record Verdict(boolean valid, String output) {
    }

    public static Verdict validate(Path sarif) throws IOException, InterruptedException {
        install();
        Path log = Files.createTempFile("sarif-validate", ".log");
        Process p = new ProcessBuilder(HOME.resolve("node_modules/.bin/sarif-multitool").toString(), "validate",
                sarif.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("sarif-multitool validate did not end in 3 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Verdict(p.exitValue() == 0 && !output.contains(": error "), output);
    }

    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json")) {
            Path target = HOME.resolve(file);
            byte[] wanted = Files.readAllBytes(SOURCE.resolve(file));
            if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), wanted)) {
                Files.copy(SOURCE.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (!changed && Files.isExecutable(HOME.resolve("node_modules/.bin/sarif-multitool"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(HOME.toFile())
                .redirectErrorStream(true).redirectOutput(HOME.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + HOME + " (is npm installed and the npm registry "
                    + "reachable?):\n" + Files.readString(HOME.resolve("npm.log")));
        }
    }
}
