package dev.corssuite.suite.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Node program of the tests' resources ({@code verify/NAME}: package.json, the committed package-lock.json and
 * its script) installed once with {@code npm ci} from the npm registry into {@code suite/target/NAME-app}, run by
 * node; it binds port 0 on loopback and prints {@code listening on PORT} first.
 */
final class NodeApp implements AutoCloseable {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", ".."));

    private final String name;
    private final Process process;
    private final int port;

    /** Installs (when the lock file or script changed) and starts {@code script} with {@code args}. */
    NodeApp(String name, String installDir, String script, String module, List<String> args)
            throws IOException, InterruptedException {
        this.name = name;
        Path app = install(installDir, script, module);
        List<String> command = new ArrayList<>(List.of("node", app.resolve(script).toString()));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = line.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException(name + " did not start within 20 s", e);
        }
        if (first == null || !first.startsWith("listening on ")) {
            close();
            throw new IllegalStateException(name + " did not start: " + first);
        }
        port = Integer.parseInt(first.substring("listening on ".length()).trim());
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the app ended
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    private static synchronized Path install(String name, String script, String module)
            throws IOException, InterruptedException {
        Path source = ROOT.resolve("suite").resolve("src").resolve("test").resolve("resources").resolve("verify")
                .resolve(name);
        Path app = ROOT.resolve("suite").resolve("target").resolve(name + "-app");
        Files.createDirectories(app);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json", script)) {
            Path target = app.resolve(file);
            byte[] wanted = Files.readAllBytes(source.resolve(file));
            if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), wanted)) {
                Files.copy(source.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed |= !file.equals(script);
            }
        }
        if (!changed && Files.isDirectory(app.resolve("node_modules").resolve(module))) {
            return app;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(app.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + app + " (is npm installed and the npm registry "
                    + "reachable?):\n" + Files.readString(app.resolve("npm.log")));
        }
        return app;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
