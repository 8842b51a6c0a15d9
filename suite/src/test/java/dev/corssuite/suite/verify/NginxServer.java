package dev.corssuite.suite.verify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Debian {@code nginx} binary started as a child process (no service, no master process) with a generated
 * configuration in a temp folder: one of {@code verify/nginx/*.conf}, whose {@code {{listen}}} becomes a free
 * loopback port, {@code {{root}}} a folder holding {@code api/items} and {@code {{dir}}} the temp folder (for unix
 * sockets).
 */
final class NginxServer implements AutoCloseable {
    private static final Path CONFIGS = Path.of(System.getProperty("cors.root", "..")).resolve("suite")
            .resolve("src").resolve("test").resolve("resources").resolve("verify").resolve("nginx");

    /** A config line "# events: worker_connections 24;" goes into nginx's events block. */
    private static final String EVENTS = "# events:";

    private final Path dir;
    private final Process process;
    private final int port;
    private final String host;

    NginxServer(String configName) throws IOException, InterruptedException {
        this(configName, "127.0.0.1");
    }

    /** Listening on the loopback address {@code literal} ("127.0.0.1", or "::1" for an IPv6 target). */
    NginxServer(String configName, String literal) throws IOException, InterruptedException {
        InetAddress address = InetAddress.getByName(literal);
        host = literal.contains(":") ? "[" + literal + "]" : literal;
        String binary = List.of("/usr/sbin/nginx", "/usr/bin/nginx").stream().filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElseThrow(() -> new IllegalStateException("nginx is not installed: "
                        + "sudo apt-get install nginx (./cors-suite test installs it)"));
        dir = Files.createTempDirectory("cors-nginx");
        Files.createDirectories(dir.resolve("root").resolve("api"));
        Files.writeString(dir.resolve("root").resolve("api").resolve("items"), "{\"items\":[]}");
        // nginx cannot report a port it chose, so take one the kernel just handed out.
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            port = probe.getLocalPort();
        }
        String server = Files.readString(CONFIGS.resolve(configName + ".conf"))
                .replace("{{listen}}", host + ":" + port).replace("{{root}}", dir.resolve("root").toString())
                .replace("{{dir}}", dir.toString());
        String events = server.lines().filter(l -> l.startsWith(EVENTS)).map(l -> l.substring(EVENTS.length()))
                .findFirst().orElse("");
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, "daemon off;\nmaster_process off;\nworker_processes 1;\npid " + dir.resolve("nginx.pid")
                + ";\nerror_log " + dir.resolve("error.log") + ";\nevents {" + events + "}\nhttp {\n    access_log off;\n"
                + "    default_type application/json;\n"
                + tempPaths() + server + "\n}\n");
        process = new ProcessBuilder(binary, "-c", conf.toString(), "-p", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        awaitListening(address, Duration.ofSeconds(10));
    }

    private String tempPaths() {
        StringBuilder s = new StringBuilder();
        for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            s.append("    ").append(kind).append("_temp_path ").append(dir.resolve(kind)).append(";\n");
        }
        return s.toString();
    }

    private void awaitListening(InetAddress address, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("out.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + " within " + limit.toSeconds() + " s");
    }

    /** The folder nginx serves ({@code {{root}}}); files written there are served at once. */
    Path root() {
        return dir.resolve("root");
    }

    URI url() {
        return URI.create("http://" + host + ":" + port);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
