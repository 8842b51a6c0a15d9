package dev.corssuite.suite.verify.policy;

import dev.corssuite.suite.request.Initiator;

import java.util.List;
import java.util.Objects;

/**
 * A path of the server to exercise, the methods to try there, and what pages use it as ({@code as}: fetch, or what
 * an element or a font loads; the verify matrix then makes its requests with that initiator).
 */
public record PolicyEndpoint(String path, List<String> methods, Initiator as) {
    /** The policy file's {@code as} names and the initiator each stands for. */
    public static final java.util.Map<String, Initiator> USES = java.util.Map.of("fetch", Initiator.FETCH,
            "image", Initiator.IMG, "script", Initiator.SCRIPT, "module", Initiator.MODULE,
            "stylesheet", Initiator.STYLESHEET, "font", Initiator.FONT, "eventsource", Initiator.EVENTSOURCE,
            "websocket", Initiator.WEBSOCKET);

    public PolicyEndpoint {
        methods = List.copyOf(methods);
        Objects.requireNonNull(as, "as");
    }

    /** An endpoint script calls with fetch. */
    public PolicyEndpoint(String path, List<String> methods) {
        this(path, methods, Initiator.FETCH);
    }
}
