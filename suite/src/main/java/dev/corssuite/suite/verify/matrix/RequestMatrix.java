package dev.corssuite.suite.verify.matrix;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.request.CredentialsMode;
import dev.corssuite.suite.request.CorsSetting;
import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.request.RequestMode;
import dev.corssuite.suite.request.RequestSpec;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyEndpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Origins x endpoints x methods x header sets x credentials. Allowed origins get every combination, plus one header
 * and one method the policy does not list (both must be refused); hostile origins get each endpoint method without
 * extra headers, with and without credentials (enough to see whether the server lets them in).
 */
public final class RequestMatrix {
    public static final String UNLISTED_HEADER = "X-Cors-Suite-Unlisted";
    private static final List<String> UNLISTED_METHOD_CANDIDATES = List.of("PUT", "DELETE", "PATCH");
    private static final List<CredentialsMode> CREDENTIALS = List.of(CredentialsMode.SAME_ORIGIN,
            CredentialsMode.INCLUDE);

    private RequestMatrix() {
    }

    public static List<PlannedRequest> derive(CorsPolicy policy) {
        long timeoutMs = policy.timeoutMs();
        List<PlannedRequest> out = new ArrayList<>();
        List<HeaderLine> policyHeaders = policy.requestHeaders().stream()
                .map(h -> new HeaderLine(h, sampleValue(h))).toList();
        String unlistedMethod = UNLISTED_METHOD_CANDIDATES.stream().filter(m -> !policy.allowsMethod(m)).findFirst()
                .orElse(null);
        for (TestOrigin origin : HostileOrigins.derive(policy)) {
            for (PolicyEndpoint endpoint : policy.endpoints()) {
                if (endpoint.as() != Initiator.FETCH) {
                    for (CredentialsMode credentials : CREDENTIALS) {
                        load(endpoint.as(), credentials, timeoutMs).ifPresent(spec -> out.add(new PlannedRequest(
                                String.format("r%03d", out.size() + 1), origin, endpoint.path(), "none", spec)));
                    }
                    continue;
                }
                for (CredentialsMode credentials : CREDENTIALS) {
                    for (String method : endpoint.methods()) {
                        add(out, timeoutMs, origin, endpoint, method, "none", List.of(), credentials);
                        if (!origin.hostile() && !policyHeaders.isEmpty()) {
                            add(out, timeoutMs, origin, endpoint, method, "policy", policyHeaders, credentials);
                        }
                    }
                    if (origin.hostile()) {
                        continue;
                    }
                    if (!policy.allowsHeader(UNLISTED_HEADER)) {
                        add(out, timeoutMs, origin, endpoint, endpoint.methods().get(0), "unlisted",
                                List.of(new HeaderLine(UNLISTED_HEADER, "1")), credentials);
                    }
                    if (unlistedMethod != null && !endpoint.methods().contains(unlistedMethod)) {
                        add(out, timeoutMs, origin, endpoint, unlistedMethod, "none", List.of(), credentials);
                    }
                }
            }
        }
        return out;
    }

    private static void add(List<PlannedRequest> out, long timeoutMs, TestOrigin origin, PolicyEndpoint endpoint, String method,
                            String headerSet, List<HeaderLine> headers, CredentialsMode credentials) {
        String body = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") ? null : "cors-suite";
        out.add(new PlannedRequest(String.format("r%03d", out.size() + 1), origin, endpoint.path(), headerSet,
                RequestSpec.fetch(method, headers, credentials, body, timeoutMs)));
    }

    /**
     * How a page loads an endpoint used as an element or a font, without and with credentials: an element's
     * crossorigin anonymous / use-credentials (without the attribute it always loads, tainted: nothing to verify), an
     * EventSource's withCredentials; a font never sends credentials (empty); a WebSocket has no choice (it always
     * sends the target's cookies), so it is asked once.
     */
    static java.util.Optional<RequestSpec> load(Initiator as, CredentialsMode credentials, long timeoutMs) {
        boolean include = credentials == CredentialsMode.INCLUDE;
        if ((as == Initiator.FONT || as == Initiator.WEBSOCKET) && include) {
            return java.util.Optional.empty();
        }
        CorsSetting crossorigin = as == Initiator.IMG || as == Initiator.SCRIPT || as == Initiator.MODULE
                || as == Initiator.STYLESHEET ? (include ? CorsSetting.USE_CREDENTIALS : CorsSetting.ANONYMOUS) : null;
        CredentialsMode asked = as == Initiator.EVENTSOURCE ? credentials : CredentialsMode.SAME_ORIGIN;
        return java.util.Optional.of(new RequestSpec(as, "GET", List.of(), null, false, asked, RequestMode.CORS,
                false, crossorigin, timeoutMs));
    }

    /** A value the server should accept for a header the policy allows. */
    static String sampleValue(String header) {
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "content-type" -> "application/json";
            case "authorization" -> "Bearer cors-suite";
            case "accept" -> "application/json";
            case "accept-language", "content-language" -> "en";
            default -> "cors-suite";
        };
    }
}
