package dev.corssuite.suite.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code verify/express/app.js} (Express + the {@code cors} npm package, versions pinned by the committed
 * package-lock.json) run by node for one scenario; it binds port 0 and prints the port. Dependencies are installed
 * once with {@code npm ci} from the npm registry into {@code suite/target/express-app}.
 */
public final class ExpressServer implements AutoCloseable {
    private static final Path ROOT = Path.of(System.getProperty("cors.root", ".."));
    private static final Path SOURCE = ROOT.resolve("suite").resolve("src").resolve("test").resolve("resources")
            .resolve("verify").resolve("express");
    private static final Path APP = ROOT.resolve("suite").resolve("target").resolve("express-app");

    private final Process process;
    private final int port;

    public ExpressServer(String scenario) throws IOException, InterruptedException {
        install();
        process = new ProcessBuilder("node", APP.resolve("app.js").toString(), scenario)
                .redirectErrorStream(true).start();
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
            throw new IllegalStateException("the Express app did not start within 20 s", e);
        }
        if (first == null || !first.startsWith("listening on ")) {
            close();
            throw new IllegalStateException("the Express app did not start: " + first);
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

    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(APP);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json", "app.js")) {
            Path target = APP.resolve(file);
            byte[] wanted = Files.readAllBytes(SOURCE.resolve(file));
            if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), wanted)) {
                Files.copy(SOURCE.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed |= !file.equals("app.js");
            }
        }
        if (!changed && Files.isDirectory(APP.resolve("node_modules").resolve("cors"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(APP.toFile())
                .redirectErrorStream(true).redirectOutput(APP.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + APP + " (is npm installed and the npm registry "
                    + "reachable?):\n" + Files.readString(APP.resolve("npm.log")));
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
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
