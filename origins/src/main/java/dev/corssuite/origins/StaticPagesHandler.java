package dev.corssuite.origins;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Serves the files under one folder and nothing outside it: any {@code ..} segment or escape is refused. */
final class StaticPagesHandler implements HttpHandler {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8");

    private final Path root;

    StaticPagesHandler(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.getRequestMethod().equals(Methods.GET) && !exchange.getRequestMethod().equals(Methods.HEAD)) {
            refuse(exchange, StatusCodes.METHOD_NOT_ALLOWED, "pages are read-only");
            return;
        }
        Path file = resolve(exchange.getRequestPath());
        if (file == null) {
            refuse(exchange, StatusCodes.FORBIDDEN, "outside the pages folder");
            return;
        }
        if (!Files.isRegularFile(file)) {
            refuse(exchange, StatusCodes.NOT_FOUND, "no such page");
            return;
        }
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        byte[] content = Files.readAllBytes(file);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType(file));
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(ByteBuffer.wrap(content));
    }

    /** The file a decoded request path names, or null when the path tries to leave the root. */
    Path resolve(String requestPath) throws IOException {
        String relative = requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
        if (relative.isEmpty()) {
            relative = "index.html";
        }
        for (String segment : relative.split("[/\\\\]")) {
            if (segment.equals("..") || segment.indexOf('\0') >= 0) {
                return null;
            }
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.exists(file) && !file.toRealPath().startsWith(root)) {
            return null;
        }
        return file;
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void refuse(HttpServerExchange exchange, int status, String reason) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(reason);
    }

    @Override
    public String toString() {
        return "static-pages(" + root + ")";
    }
}
