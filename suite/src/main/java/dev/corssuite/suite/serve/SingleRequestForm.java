package dev.corssuite.suite.serve;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.request.CorsSetting;
import dev.corssuite.suite.request.CredentialsMode;
import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.request.RequestMode;
import dev.corssuite.suite.request.RequestSpec;
import dev.corssuite.suite.verify.matrix.OriginKind;
import dev.corssuite.suite.verify.matrix.PlannedRequest;
import dev.corssuite.suite.verify.matrix.TestOrigin;
import dev.corssuite.suite.verify.policy.PolicyEndpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's single request as the user filled it in: the URL to call, the origin of the page that calls it, and
 * how ({@code initiator} is an {@link Initiator} name; {@code headers} one "Name: value" per line; {@code crossorigin}
 * empty, anonymous or use-credentials). It becomes a {@link RequestSpec} from a {@link TestOrigin}, and a one-endpoint
 * policy stating that the page's origin may make exactly this request.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SingleRequestForm(String target, String pageOrigin, String method, String headers, String body,
                                String credentials, String initiator, String crossorigin, Long timeoutMs) {
    private static final Pattern BASE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^/?#]*)(.*)$");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public SingleRequestForm {
        target = target == null ? "" : target.strip();
        pageOrigin = pageOrigin == null ? "" : pageOrigin.strip();
        method = method == null || method.isBlank() ? "GET" : method.strip();
        headers = headers == null ? "" : headers;
        body = body == null || body.isEmpty() ? null : body;
        credentials = credentials == null || credentials.isBlank() ? "same-origin" : credentials.strip();
        initiator = initiator == null || initiator.isBlank() ? "fetch" : initiator.strip();
        crossorigin = crossorigin == null ? "" : crossorigin.strip();
        timeoutMs = timeoutMs == null ? RequestSpec.DEFAULT_TIMEOUT_MS : timeoutMs;
    }

    /** The server's base URL (scheme and authority), which {@code verify --target} takes; the whole text if none. */
    public String targetBase() {
        Matcher m = BASE.matcher(target);
        return m.matches() ? m.group(1) : target;
    }

    /** The path (and query) on the target; "/" when the URL has none. */
    public String path() {
        Matcher m = BASE.matcher(target);
        String rest = m.matches() ? m.group(2) : "";
        return rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest;
    }

    public Initiator api() {
        return Initiator.fromFileName(initiator);
    }

    /** What the form cannot express: header lines, names of initiator, credentials or crossorigin, the initiator's own rules. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        headerLines(problems);
        try {
            problems.addAll(api().problems(spec()));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** The request as every pipeline carries it; throws IllegalArgumentException for an unknown name. */
    public RequestSpec spec() {
        Initiator api = api();
        CorsSetting setting = crossorigin.isEmpty() ? null : CorsSetting.fromFileName(crossorigin);
        CredentialsMode mode = api.observesResponse() || api == Initiator.EVENTSOURCE
                ? CredentialsMode.fromFileName(credentials) : CredentialsMode.SAME_ORIGIN;
        return new RequestSpec(api, method, headerLines(new ArrayList<>()), body, false, mode, RequestMode.CORS, false,
                setting, timeoutMs);
    }

    /** The request from the page's origin, as a request of the verify matrix made by an origin the policy allows. */
    public PlannedRequest planned() {
        RequestSpec spec = spec();
        return new PlannedRequest("r001", new TestOrigin(pageOrigin, OriginKind.ALLOWED, pageOrigin, null), path(),
                spec.headers().isEmpty() ? "none" : "policy", spec);
    }

    /**
     * A policy allowing exactly this request from the page's origin, as a policy file's tree: the single request is
     * checked against it like a request of the matrix, and it is what "export as a policy endpoint" gives.
     */
    public Map<String, Object> policy() {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("origins", List.of(pageOrigin));
        Initiator api = api();
        String as = PolicyEndpoint.USES.entrySet().stream().filter(e -> e.getValue() == api).map(Map.Entry::getKey)
                .findFirst().orElse("fetch");
        policy.put("methods", List.of(method));
        List<HeaderLine> lines = headerLines(new ArrayList<>());
        if (!lines.isEmpty()) {
            policy.put("requestHeaders", lines.stream().map(HeaderLine::name).distinct().toList());
        }
        policy.put("credentials", spec().credentialed());
        policy.put("timeoutMs", timeoutMs);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("path", path());
        if (!as.equals("fetch")) {
            endpoint.put("as", as);
        }
        policy.put("endpoints", List.of(endpoint));
        return policy;
    }

    private List<HeaderLine> headerLines(List<String> problems) {
        List<HeaderLine> lines = new ArrayList<>();
        int number = 0;
        for (String line : headers.split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? line.strip() : line.substring(0, colon).strip();
            if (colon < 0 || !TOKEN.matcher(name).matches()) {
                problems.add("headers, line " + number + ": '" + line.strip() + "' is not 'Name: value'");
                continue;
            }
            lines.add(new HeaderLine(name, line.substring(colon + 1).strip()));
        }
        return lines;
    }
}
