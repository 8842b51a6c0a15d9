package dev.corssuite.suite.verify.policy;

import dev.corssuite.suite.request.Initiator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.documents.Problem;
import dev.corssuite.suite.documents.YamlDocuments;
import dev.corssuite.suite.oracle.RequestHeaderRules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy file (YAML or JSON): schema first (unknown keys, types), then what the schema cannot say
 * (malformed origins, {@code *} with credentials, forbidden methods and headers, endpoint methods the policy does not
 * allow). Every problem is collected before anything is refused.
 */
public final class PolicyLoader {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> FORBIDDEN_METHODS = Set.of("CONNECT", "TRACE", "TRACK");
    private static final Set<String> NORMALIZED_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

    private PolicyLoader() {
    }

    public static final String THE_POLICY = "the policy file";

    public static CorsPolicy load(Path file, Path schemaFile) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        JsonNode root = YamlDocuments.withSchema(schemaFile, null).load(file, problems)
                .orElseThrow(() -> new InvalidInputException(THE_POLICY, problems));
        CorsPolicy policy = build(name, root, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(THE_POLICY, problems);
        }
        return policy;
    }

    private static CorsPolicy build(String file, JsonNode root, List<Problem> problems) {
        boolean credentials = root.path("credentials").asBoolean(false);
        List<AllowedOrigin> origins = origins(file, root.path("origins"), credentials, problems);
        List<String> methods = methods(file, "methods", root.path("methods"), problems);
        List<String> requestHeaders = requestHeaders(file, root.path("requestHeaders"), problems);
        List<String> exposed = exposedHeaders(file, root.path("exposedHeaders"), credentials, problems);
        Optional<Integer> maxAge = root.has("maxAge") ? Optional.of(root.path("maxAge").asInt()) : Optional.empty();
        long timeout = root.path("timeoutMs").asLong(CorsPolicy.DEFAULT_TIMEOUT_MS);
        List<PolicyEndpoint> endpoints = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        JsonNode list = root.path("endpoints");
        for (int i = 0; i < list.size(); i++) {
            JsonNode endpoint = list.get(i);
            String field = "endpoints[" + i + "]";
            String path = endpoint.path("path").asText();
            if (!path.startsWith("/")) {
                problems.add(Problem.at(file, field + ".path", "'" + path + "' does not start with '/'; "
                        + "write the path on the target, e.g. /api/items"));
            } else if (path.contains("#") || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                problems.add(Problem.at(file, field + ".path", "'" + path + "' contains a fragment, a space "
                        + "or a control character; write it URL-encoded"));
            } else if (!paths.add(path)) {
                problems.add(Problem.at(file, field + ".path", "'" + path + "' is listed twice"));
            }
            Initiator as = PolicyEndpoint.USES.get(endpoint.path("as").asText("fetch"));
            List<String> own = endpoint.has("methods")
                    ? methods(file, field + ".methods", endpoint.path("methods"), problems)
                    : as == Initiator.FETCH ? methods : List.of("GET");
            if (as != Initiator.FETCH && !own.equals(List.of("GET"))) {
                problems.add(Problem.at(file, field + ".methods", "'as: " + endpoint.path("as").asText()
                        + "' loads with GET only; leave methods out or write [GET]"));
            }
            for (String m : own) {
                if (endpoint.has("methods") && !methods.contains(m) && TOKEN.matcher(m).matches()) {
                    problems.add(Problem.at(file, field + ".methods", "'" + m + "' is not in the policy's "
                            + "methods " + methods + "; add it there or remove it here"));
                }
            }
            endpoints.add(new PolicyEndpoint(path, own, as));
        }
        return new CorsPolicy(file, origins, methods, requestHeaders, exposed, credentials, maxAge, timeout,
                endpoints);
    }

    private static List<AllowedOrigin> origins(String file, JsonNode list, boolean credentials,
                                               List<Problem> problems) {
        List<AllowedOrigin> origins = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String text = list.get(i).asText();
            String field = "origins[" + i + "]";
            if (!seen.add(text)) {
                problems.add(Problem.at(file, field, "'" + text + "' is listed twice"));
                continue;
            }
            if (text.equals("*")) {
                if (credentials) {
                    problems.add(Problem.at(file, field, "'*' with credentials: true; browsers refuse "
                            + "Access-Control-Allow-Origin: * on credentialed requests, so list the origins instead"));
                } else {
                    origins.add(new AllowedOrigin("*", AllowedOrigin.Kind.ANY, null, null, -1));
                }
                continue;
            }
            if (text.equals("null")) {
                problems.add(Problem.at(file, field, "'null' is the origin of every sandboxed frame, data: "
                        + "document and local file; allowing it lets any page in; list real origins"));
                continue;
            }
            Optional<String> problem = OriginSyntax.problem(text, true);
            if (problem.isPresent()) {
                problems.add(Problem.at(file, field, "'" + text + "' " + problem.get()));
                continue;
            }
            OriginSyntax.Parts parts = OriginSyntax.parts(text);
            origins.add(parts.host().startsWith("*.")
                    ? new AllowedOrigin(text, AllowedOrigin.Kind.SUBDOMAINS, parts.scheme(), parts.host().substring(2),
                    parts.port())
                    : new AllowedOrigin(text, AllowedOrigin.Kind.EXACT, parts.scheme(), parts.host(), parts.port()));
        }
        return origins;
    }

    private static List<String> methods(String file, String field, JsonNode list, List<Problem> problems) {
        List<String> methods = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String m = list.get(i).asText();
            String at = field + "[" + i + "]";
            if (m.equals("*")) {
                problems.add(Problem.at(file, at, "'*': name the methods; the suite derives the requests to "
                        + "try from this list (and '*' means nothing to browsers on credentialed requests)"));
            } else if (!TOKEN.matcher(m).matches()) {
                problems.add(Problem.at(file, at, "'" + m + "' is not an HTTP method name (a token)"));
            } else if (FORBIDDEN_METHODS.contains(m.toUpperCase(Locale.ROOT))) {
                problems.add(Problem.at(file, at, "'" + m + "' is a forbidden method: browsers never let "
                        + "script send it"));
            } else if (!m.equals(m.toUpperCase(Locale.ROOT))) {
                problems.add(Problem.at(file, at, "'" + m + "': write methods in upper case ("
                        + m.toUpperCase(Locale.ROOT) + "); " + (NORMALIZED_METHODS.contains(m.toUpperCase(Locale.ROOT))
                        ? "browsers send it upper-cased" : "browsers send other methods as written and compare "
                        + "Access-Control-Allow-Methods case-sensitively")));
            } else if (methods.contains(m)) {
                problems.add(Problem.at(file, at, "'" + m + "' is listed twice"));
            } else {
                methods.add(m);
            }
        }
        return methods;
    }

    private static List<String> requestHeaders(String file, JsonNode list, List<Problem> problems) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String h = list.get(i).asText();
            String at = "requestHeaders[" + i + "]";
            if (h.equals("*")) {
                problems.add(Problem.at(file, at, "'*': name the headers; the suite derives the requests to "
                        + "try from this list (and '*' never covers Authorization, nor anything with credentials)"));
            } else if (!TOKEN.matcher(h).matches()) {
                problems.add(Problem.at(file, at, "'" + h + "' is not a header name (a token)"));
            } else if (RequestHeaderRules.forbidden(h)) {
                problems.add(Problem.at(file, at, "'" + h + "' is a forbidden request-header: browsers never "
                        + "let script set it, so allowing it has no effect"));
            } else if (names.stream().anyMatch(h::equalsIgnoreCase)) {
                problems.add(Problem.at(file, at, "'" + h + "' is listed twice (names are case-insensitive)"));
            } else {
                names.add(h);
            }
        }
        return names;
    }

    private static List<String> exposedHeaders(String file, JsonNode list, boolean credentials,
                                               List<Problem> problems) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String h = list.get(i).asText();
            String at = "exposedHeaders[" + i + "]";
            if (h.equals("*") && credentials) {
                problems.add(Problem.at(file, at, "'*' with credentials: true; on credentialed requests "
                        + "browsers read Access-Control-Expose-Headers: * as a header named '*', so name the headers"));
            } else if (!h.equals("*") && !TOKEN.matcher(h).matches()) {
                problems.add(Problem.at(file, at, "'" + h + "' is not a header name (a token)"));
            } else if (h.equalsIgnoreCase("set-cookie") || h.equalsIgnoreCase("set-cookie2")) {
                problems.add(Problem.at(file, at, "'" + h + "' is never readable by script, exposed or not"));
            } else if (names.stream().anyMatch(h::equalsIgnoreCase)) {
                problems.add(Problem.at(file, at, "'" + h + "' is listed twice (names are case-insensitive)"));
            } else {
                names.add(h);
            }
        }
        return names;
    }
}
