package dev.corssuite.suite.verify.fixes;

import dev.corssuite.suite.verify.policy.AllowedOrigin;
import dev.corssuite.suite.verify.policy.CorsPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration that implements a policy exactly: the headers to send, an nginx snippet (a {@code map} for the
 * http block and the body of the endpoint's {@code location}), the options of Express's {@code cors} middleware (a
 * CommonJS module) and Spring configuration classes (the {@code CorsConfigurationSource} bean; the preflight chain
 * for Spring Security).
 */
public final class CorsConfigurations {
    private final CorsPolicy policy;

    public CorsConfigurations(CorsPolicy policy) {
        this.policy = policy;
    }

    private boolean wildcard() {
        return policy.anyOrigin();
    }

    /** The answers of a server that follows the policy, for an allowed origin. */
    public String headers() {
        String origin = wildcard() ? "*" : "<the request's Origin, when the policy allows it; no header otherwise>";
        List<String> lines = new ArrayList<>();
        lines.add("Preflight (OPTIONS, answered before authentication and redirects, status 204):");
        lines.add("  Access-Control-Allow-Origin: " + origin);
        lines.add("  Access-Control-Allow-Methods: " + String.join(", ", policy.methods()));
        if (!policy.requestHeaders().isEmpty()) {
            lines.add("  Access-Control-Allow-Headers: " + String.join(", ", policy.requestHeaders()));
        }
        if (policy.credentials()) {
            lines.add("  Access-Control-Allow-Credentials: true");
        }
        policy.maxAge().ifPresent(age -> lines.add("  Access-Control-Max-Age: " + Math.min(age, 600)));
        if (!wildcard()) {
            lines.add("  Vary: Origin");
        }
        lines.add("Every other answer (errors too):");
        lines.add("  Access-Control-Allow-Origin: " + origin);
        if (policy.credentials()) {
            lines.add("  Access-Control-Allow-Credentials: true");
        }
        if (!policy.exposedHeaders().isEmpty()) {
            lines.add("  Access-Control-Expose-Headers: " + String.join(", ", policy.exposedHeaders()));
        }
        if (!wildcard()) {
            lines.add("  Vary: Origin");
        }
        return String.join("\n", lines) + "\n";
    }

    /** The {@code map} for nginx's http block: {@code $cors_origin} is the Origin when allowed, else empty. */
    public String nginxMap() {
        StringBuilder map = new StringBuilder("map $http_origin $cors_origin {\n    default \"\";\n");
        for (AllowedOrigin o : policy.origins()) {
            switch (o.kind()) {
                case EXACT -> map.append("    \"").append(o.text()).append("\" $http_origin;\n");
                case SUBDOMAINS -> map.append("    \"~").append(subdomainRegex(o)).append("\" $http_origin;\n");
                case ANY -> map.append("    \"~.\" $http_origin;\n");
            }
        }
        return map.append("}\n").toString();
    }

    /** The CORS part of the endpoint's nginx {@code location}: preflight first, headers on every status. */
    public String nginxLocation() {
        String origin = wildcard() ? "*" : "$cors_origin";
        StringBuilder cors = new StringBuilder();
        cors.append("if ($request_method = OPTIONS) {\n");
        cors.append("    add_header Access-Control-Allow-Origin ").append(origin).append(" always;\n");
        cors.append("    add_header Access-Control-Allow-Methods \"").append(String.join(", ", policy.methods()))
                .append("\" always;\n");
        if (!policy.requestHeaders().isEmpty()) {
            cors.append("    add_header Access-Control-Allow-Headers \"")
                    .append(String.join(", ", policy.requestHeaders())).append("\" always;\n");
        }
        if (policy.credentials()) {
            cors.append("    add_header Access-Control-Allow-Credentials true always;\n");
        }
        policy.maxAge().ifPresent(age -> cors.append("    add_header Access-Control-Max-Age ")
                .append(Math.min(age, 600)).append(" always;\n"));
        if (!wildcard()) {
            cors.append("    add_header Vary Origin always;\n");
        }
        cors.append("    return 204;\n}\n");
        cors.append("add_header Access-Control-Allow-Origin ").append(origin).append(" always;\n");
        if (policy.credentials()) {
            cors.append("add_header Access-Control-Allow-Credentials true always;\n");
        }
        if (!policy.exposedHeaders().isEmpty()) {
            cors.append("add_header Access-Control-Expose-Headers \"").append(String.join(", ",
                    policy.exposedHeaders())).append("\" always;\n");
        }
        if (!wildcard()) {
            cors.append("add_header Vary Origin always;\n");
        }
        return cors.toString();
    }

    /** A CommonJS module exporting the options of {@code cors(...)} (register it before authentication). */
    public String expressOptions() {
        String origin = wildcard() ? "'*'" : "[" + policy.origins().stream()
                .map(o -> o.kind() == AllowedOrigin.Kind.EXACT ? "'" + o.text() + "'"
                        : "/" + subdomainRegex(o).replace("/", "\\/") + "/")
                .collect(Collectors.joining(", ")) + "]";
        StringBuilder js = new StringBuilder(
                "// app.use(cors(require('./cors-options.js'))) before any authentication\n");
        js.append("module.exports = {\n");
        js.append("  origin: ").append(origin).append(",\n");
        js.append("  methods: ").append(jsList(policy.methods())).append(",\n");
        js.append("  allowedHeaders: ").append(jsList(policy.requestHeaders())).append(",\n");
        js.append("  exposedHeaders: ").append(jsList(policy.exposedHeaders())).append(",\n");
        js.append("  credentials: ").append(policy.credentials()).append(",\n");
        policy.maxAge().ifPresent(age -> js.append("  maxAge: ").append(Math.min(age, 600)).append(",\n"));
        js.append("  optionsSuccessStatus: 204\n};\n");
        return js.toString();
    }

    /**
     * A Spring configuration class with the bean named {@code corsConfigurationSource}, which Spring Security's
     * {@code http.cors(...)} uses; it compiles as it is (spring-web only).
     */
    public String springCors() {
        StringBuilder java = new StringBuilder();
        java.append("import java.util.List;\n");
        java.append("import org.springframework.context.annotation.Bean;\n");
        java.append("import org.springframework.context.annotation.Configuration;\n");
        java.append("import org.springframework.web.cors.CorsConfiguration;\n");
        java.append("import org.springframework.web.cors.CorsConfigurationSource;\n");
        java.append("import org.springframework.web.cors.UrlBasedCorsConfigurationSource;\n\n");
        java.append("/** The CORS of ").append(policy.file()).append(", generated by cors-suite. Spring Security's "
                + "http.cors(Customizer.withDefaults()) uses this bean. */\n");
        java.append("@Configuration\npublic class SuggestedCors {\n");
        java.append("    @Bean\n    public CorsConfigurationSource corsConfigurationSource() {\n");
        java.append("        CorsConfiguration cors = new CorsConfiguration();\n");
        List<String> exact = policy.origins().stream().filter(o -> o.kind() == AllowedOrigin.Kind.EXACT)
                .map(AllowedOrigin::text).toList();
        List<String> patterns = policy.origins().stream().filter(o -> o.kind() != AllowedOrigin.Kind.EXACT)
                .map(AllowedOrigin::text).toList();
        if (!exact.isEmpty()) {
            java.append("        cors.setAllowedOrigins(List.of(").append(javaList(exact)).append("));\n");
        }
        if (!patterns.isEmpty()) {
            java.append("        cors.setAllowedOriginPatterns(List.of(").append(javaList(patterns)).append("));\n");
        }
        java.append("        cors.setAllowedMethods(List.of(").append(javaList(policy.methods())).append("));\n");
        if (!policy.requestHeaders().isEmpty()) {
            java.append("        cors.setAllowedHeaders(List.of(").append(javaList(policy.requestHeaders()))
                    .append("));\n");
        }
        if (!policy.exposedHeaders().isEmpty()) {
            java.append("        cors.setExposedHeaders(List.of(").append(javaList(policy.exposedHeaders()))
                    .append("));\n");
        }
        java.append("        cors.setAllowCredentials(").append(policy.credentials()).append(");\n");
        policy.maxAge().ifPresent(age -> java.append("        cors.setMaxAge(").append(Math.min(age, 600))
                .append("L);\n"));
        java.append("        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();\n");
        java.append("        source.registerCorsConfiguration(\"/**\", cors);\n        return source;\n    }\n}\n");
        return java.toString();
    }

    /**
     * With Spring Security: a filter chain ordered first that answers every CORS preflight from
     * {@link #springCors()}'s bean, so no authentication rule of the app's own chain can refuse one.
     */
    public String springSecurityPreflights() {
        return """
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;
                import org.springframework.core.Ordered;
                import org.springframework.core.annotation.Order;
                import org.springframework.security.config.Customizer;
                import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                import org.springframework.security.web.SecurityFilterChain;
                import org.springframework.web.cors.CorsUtils;

                /** CORS preflights answered before any authentication, generated by cors-suite. */
                @Configuration
                public class SuggestedPreflightChain {
                    @Bean
                    @Order(Ordered.HIGHEST_PRECEDENCE)
                    public SecurityFilterChain corsPreflights(HttpSecurity http) throws Exception {
                        // cors(withDefaults()) uses the bean named corsConfigurationSource (SuggestedCors)
                        return http.securityMatcher(CorsUtils::isPreFlightRequest)
                                .cors(Customizer.withDefaults())
                                .csrf(csrf -> csrf.disable())
                                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                                .build();
                    }
                }
                // Your own SecurityFilterChain: http.cors(Customizer.withDefaults()), so its answers (errors and 401
                // too) carry the CORS headers.
                """;
    }

    /** One or more labels before the pattern's base domain, anchored: {@code ^https://([a-z0-9-]+\.)+example\.com$}. */
    static String subdomainRegex(AllowedOrigin o) {
        return "^" + o.scheme() + "://([a-z0-9-]+\\.)+" + o.host().replace(".", "\\.")
                + (o.port() < 0 ? "" : ":" + o.port()) + "$";
    }

    private static String jsList(List<String> values) {
        return "[" + values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")) + "]";
    }

    private static String javaList(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
