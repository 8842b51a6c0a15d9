package dev.corssuite.suite.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code ./cors-suite serve}: the interactive page on the suite's own stack (Undertow), bound to loopback unless
 * told otherwise. The page ({@code serve/} in the resources, no external assets) calls a small JSON API: one request
 * in every engine, the session's history and its exports, and the whole verify matrix of a policy with its progress
 * as server-sent events; reports under {@code reports/} are served as they are written.
 */
public final class ServeApp implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path root;
    /** The policies the page writes (the single request's, a pasted one); deleted on close. */
    private final Path scratch;
    private final SingleRequestRun single;
    private final MatrixRun matrix;
    private final History history = new History();
    private final List<ObjectNode[]> matrixEvents = new ArrayList<>();
    private final List<ServerSentEventConnection> listeners = new ArrayList<>();
    private final ExecutorService matrixThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "serve-matrix");
        t.setDaemon(true);
        return t;
    });
    private final Object singleLock = new Object();
    private boolean matrixRunning;
    private final Undertow undertow;
    private final String url;

    /**
     * Starts the app on {@code bind:port} (port 0: any free one).
     *
     * @param browsers engines to run in (empty: every installed one)
     * @param report   writes the HTML report of a matrix run, as {@code verify} does
     */
    public ServeApp(Path root, String bind, int port, List<String> browsers, HtmlReport report) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("reports"));
        this.scratch = Files.createTempDirectory("cors-serve");
        this.single = new SingleRequestRun(root, scratch, browsers);
        this.matrix = new MatrixRun(root, browsers, report);
        ServerSentEventHandler events = Handlers.serverSentEvents(this::listen);
        HttpHandler routes = Handlers.path(Handlers.resource(new ClassPathResourceManager(
                        ServeApp.class.getClassLoader(), "serve")).setWelcomeFiles("index.html")
                        .setCacheTime(0))
                .addPrefixPath("/reports", Handlers.resource(new PathResourceManager(root.resolve("reports")))
                        .setCacheTime(0))
                .addExactPath("/api/request", new BlockingHandler(this::request))
                .addExactPath("/api/history", new BlockingHandler(this::history))
                .addExactPath("/api/export", new BlockingHandler(this::export))
                .addExactPath("/api/verify", new BlockingHandler(this::verify))
                .addExactPath("/api/verify/events", events);
        this.undertow = Undertow.builder().addHttpListener(port, bind).setIoThreads(1).setWorkerThreads(8)
                .setHandler(exchange -> guarded(exchange, routes)).build();
        undertow.start();
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        String host = address.getAddress().getHostAddress();
        this.url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/";
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        return url;
    }

    /**
     * Only what the page itself sends: a POST must be JSON (a form another site submits cannot be, without a
     * preflight this app never grants), and every request must name this app's host as it listens.
     */
    private void guarded(HttpServerExchange exchange, HttpHandler next) throws Exception {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        String expected = url.substring("http://".length(), url.length() - 1);
        boolean anyAddress = url.startsWith("http://0.0.0.0") || url.startsWith("http://[::]");
        if (!anyAddress && !expected.equalsIgnoreCase(host == null ? "" : host)
                && !("localhost:" + expected.substring(expected.lastIndexOf(':') + 1)).equalsIgnoreCase(host)) {
            send(exchange, 421, "text/plain", "this app answers only at " + url);
            return;
        }
        if (exchange.getRequestMethod().equals(Methods.POST) && !String.valueOf(exchange.getRequestHeaders()
                .getFirst(Headers.CONTENT_TYPE)).toLowerCase(Locale.ROOT).startsWith("application/json")) {
            send(exchange, 415, "text/plain", "send application/json");
            return;
        }
        next.handleRequest(exchange);
    }

    private void request(HttpServerExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            send(exchange, 405, "text/plain", "POST a request");
            return;
        }
        SingleRequestForm form = MAPPER.readValue(exchange.getInputStream(), SingleRequestForm.class);
        ObjectNode view;
        synchronized (singleLock) {
            int id = history.nextId();
            SingleRequestRun.Ran ran = single.run(form);
            view = SingleRequestView.of(id, ran, ran.policy());
            history.add(new History.Entry(id, ran, view));
        }
        json(exchange, view);
    }

    private void history(HttpServerExchange exchange) throws IOException {
        String id = exchange.getQueryParameters().containsKey("id")
                ? exchange.getQueryParameters().get("id").getFirst() : null;
        if (id == null) {
            json(exchange, history.list());
            return;
        }
        var entry = history.get(parse(id));
        if (entry.isEmpty()) {
            send(exchange, 404, "text/plain", "no request " + id + " in this session");
        } else {
            json(exchange, entry.get().view());
        }
    }

    /** {@code ?id=N&as=case} (a case file with the request as its row) or {@code as=policy}. */
    private void export(HttpServerExchange exchange) throws IOException {
        var query = exchange.getQueryParameters();
        String id = query.containsKey("id") ? query.get("id").getFirst() : "";
        String as = query.containsKey("as") ? query.get("as").getFirst() : "case";
        var entry = history.get(parse(id));
        if (entry.isEmpty() || entry.get().ran().badInput()) {
            send(exchange, 404, "text/plain", "no request " + id + " that ran in this session");
            return;
        }
        String yaml = as.equals("policy") ? CaseRowExport.policy(entry.get().ran().form())
                : CaseRowExport.caseFile(entry.get().id(), entry.get().ran());
        send(exchange, 200, "application/yaml; charset=utf-8", yaml);
    }

    /** Starts the matrix of a policy (a file path, or pasted YAML) on a target; progress comes as events. */
    private void verify(HttpServerExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            send(exchange, 405, "text/plain", "POST a target and a policy");
            return;
        }
        JsonNode asked = MAPPER.readTree(exchange.getInputStream());
        String target = asked.path("target").asText("").strip();
        String file = asked.path("policyFile").asText("").strip();
        String pasted = asked.path("policyYaml").asText("");
        Path policy;
        if (!file.isEmpty()) {
            policy = Path.of(file);
            if (!policy.isAbsolute()) {
                policy = root.resolve(file);
            }
        } else {
            policy = scratch.resolve("pasted-policy.yaml");
            Files.writeString(policy, pasted);
        }
        synchronized (matrixEvents) {
            if (matrixRunning) {
                send(exchange, 409, "text/plain", "a verification is already running");
                return;
            }
            matrixRunning = true;
            matrixEvents.clear();
        }
        Path chosen = policy;
        matrixThread.submit(() -> {
            try {
                matrix.run(target, chosen, this::broadcast);
            } catch (RuntimeException e) {
                broadcast("failed", MAPPER.createObjectNode().set("problems",
                        MAPPER.createArrayNode().add("the run failed: " + e.getMessage())));
            } finally {
                synchronized (matrixEvents) {
                    matrixRunning = false;
                }
            }
        });
        json(exchange, MAPPER.createObjectNode().put("started", true));
    }

    private void broadcast(String name, ObjectNode data) {
        synchronized (matrixEvents) {
            matrixEvents.add(new ObjectNode[] {MAPPER.createObjectNode().put("event", name), data});
            listeners.removeIf(c -> !c.isOpen());
            listeners.forEach(c -> c.send(data.toString(), name, null, null));
        }
    }

    /**
     * A new listener hears every event of the current run so far, then each new one; the page connects after starting
     * a run, so it never hears the previous run's end.
     */
    private void listen(ServerSentEventConnection connection, String lastEventId) {
        synchronized (matrixEvents) {
            matrixEvents.forEach(e -> connection.send(e[1].toString(), e[0].path("event").asText(), null, null));
            listeners.add(connection);
        }
    }

    private static int parse(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void json(HttpServerExchange exchange, JsonNode body) {
        send(exchange, 200, "application/json; charset=utf-8", body.toString());
    }

    private static void send(HttpServerExchange exchange, int status, String type, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            synchronized (matrixEvents) {
                listeners.forEach(c -> {
                    try {
                        c.close();
                    } catch (IOException e) {
                        // the page went away already
                    }
                });
            }
        } finally {
            matrixThread.shutdownNow();
            undertow.stop();
            try (var files = Files.list(scratch)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                // a temporary folder left behind; nothing runs from it
            }
        }
    }
}
