package dev.corssuite.suite.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding programs on PATH and asking them their version, each with a short time limit. */
public final class Executables {
    private static final Pattern VERSION = Pattern.compile("(\\d+)(\\.\\d+)+");

    private Executables() {
    }

    /** The first of the names found as an executable on PATH or as an absolute path. */
    public static Optional<Path> find(List<String> names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String name : names) {
            if (name.contains("/")) {
                Path candidate = Path.of(name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
                continue;
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The program a setting names when it is set, else the first of the default names found. */
    public static Optional<Path> find(String setting, List<String> defaults) {
        return find(Settings.get(setting).map(List::of).orElse(defaults));
    }

    /**
     * The driver a setting names: empty when the setting is unset, an error when it names no executable file (an
     * explicit choice is never silently replaced by another driver).
     */
    public static Optional<Path> explicitDriver(String setting) {
        Optional<String> explicit = Settings.get(setting);
        if (explicit.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(find(List.of(explicit.get())).orElseThrow(() -> new BrowserUnavailableException(
                setting + " is set to " + explicit.get() + ", which is not an executable file")));
    }

    /** What {@code program --version} prints (first line), or empty if it fails or takes over 15 s. */
    public static Optional<String> versionLine(Path program) {
        try {
            Process process = OwnedProcesses.start(new ProcessBuilder(program.toString(), "--version")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))));
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                OwnedProcesses.end(process);
                return Optional.empty();
            }
            OwnedProcesses.release(process);
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return out.lines().filter(l -> VERSION.matcher(l).find()).findFirst().map(String::trim);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The dotted version number in a line such as "Chromium 156.0.8078.79 built on Debian". */
    public static Optional<String> versionNumber(String line) {
        Matcher m = VERSION.matcher(line);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    public static Optional<Integer> major(String version) {
        Matcher m = VERSION.matcher(version);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
