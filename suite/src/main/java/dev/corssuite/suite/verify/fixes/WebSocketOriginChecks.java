package dev.corssuite.suite.verify.fixes;

import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.verify.policy.AllowedOrigin;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyEndpoint;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Origin check a WebSocket endpoint needs, generated from the policy: CORS headers do nothing for a WebSocket,
 * so the handshake itself must be refused (403) unless its Origin is one of the policy's. An nginx {@code location}
 * body (with {@link CorsConfigurations#nginxMap()}'s {@code $cors_origin}), the {@code verifyClient} of the
 * {@code ws} npm package (a CommonJS module) and Spring's WebSocket handler registration.
 */
public final class WebSocketOriginChecks {
    private final CorsPolicy policy;

    public WebSocketOriginChecks(CorsPolicy policy) {
        this.policy = policy;
    }

    /** The policy's endpoints used as WebSockets; no snippet is needed when there are none. */
    public List<String> paths() {
        return policy.endpoints().stream().filter(e -> e.as() == Initiator.WEBSOCKET).map(PolicyEndpoint::path)
                .toList();
    }

    /** The WebSocket endpoint's nginx {@code location} body: refuse an Origin the map does not allow, then proxy. */
    public String nginxLocation() {
        return """
                if ($cors_origin = "") {
                    return 403;
                }
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection "upgrade";
                proxy_pass http://your-websocket-backend;
                """;
    }

    /** A CommonJS module for {@code new WebSocketServer({server, verifyClient: require('./websocket-origins.js')})}. */
    public String wsVerifyClient() {
        String exact = policy.origins().stream().filter(o -> o.kind() == AllowedOrigin.Kind.EXACT)
                .map(o -> "'" + o.text() + "'").collect(Collectors.joining(", "));
        String patterns = policy.origins().stream().filter(o -> o.kind() == AllowedOrigin.Kind.SUBDOMAINS)
                .map(o -> "/" + CorsConfigurations.subdomainRegex(o).replace("/", "\\/") + "/")
                .collect(Collectors.joining(", "));
        StringBuilder js = new StringBuilder("// new WebSocketServer({server, verifyClient: "
                + "require('./websocket-origins.js')})\n");
        if (policy.anyOrigin()) {
            return js.append("module.exports = (info, done) => done(true);\n").toString();
        }
        js.append("const allowed = [").append(exact).append("];\n");
        js.append("const patterns = [").append(patterns).append("];\n");
        js.append("module.exports = (info, done) => done(allowed.includes(info.origin)\n"
                + "    || patterns.some((p) => p.test(info.origin)), 403, 'Origin not allowed');\n");
        return js.toString();
    }

    /** Spring's {@code WebSocketConfigurer}: the handshake interceptor answers 403 to other origins. */
    public String spring() {
        List<String> exact = policy.origins().stream().filter(o -> o.kind() == AllowedOrigin.Kind.EXACT)
                .map(AllowedOrigin::text).toList();
        List<String> patterns = policy.origins().stream().filter(o -> o.kind() != AllowedOrigin.Kind.EXACT)
                .map(AllowedOrigin::text).toList();
        StringBuilder java = new StringBuilder("@Override\n"
                + "public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {\n");
        for (String path : paths()) {
            java.append("    registry.addHandler(handler, \"").append(path).append("\")");
            if (!exact.isEmpty()) {
                java.append("\n            .setAllowedOrigins(").append(quoted(exact)).append(")");
            }
            if (!patterns.isEmpty()) {
                java.append("\n            .setAllowedOriginPatterns(").append(quoted(patterns)).append(")");
            }
            java.append(";\n");
        }
        return java.append("}\n// STOMP: registry.addEndpoint(...).setAllowedOrigins(...) the same way\n").toString();
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
