package dev.corssuite.suite.request;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The API a page uses to make a request, with what it can express and what script can observe of the answer. The
 * probe page has one function per initiator, the schema's {@code api} enum lists the same names (a test checks it).
 * Script APIs (fetch, XHR, keepalive fetch) choose method, headers, body and modes and read status and headers; an
 * element, a font, an EventSource, a worker or a WebSocket makes a GET whose mode and credentials mode come from a
 * {@code crossorigin} attribute (HTML "CORS settings attributes") or are fixed, and script observes only whether it
 * loaded and, where the standards say so, whether what loaded is withheld from it ({@code tainted}); a beacon is a
 * POST whose answer nobody sees.
 */
public enum Initiator {
    /** {@code fetch()}: any credentials mode and request mode, bodies and streamed bodies; status and headers. */
    FETCH("fetch", Kind.SCRIPT_API, Set.of(CredentialsMode.values())),
    /** XMLHttpRequest: {@code withCredentials} (include) or not (same-origin), always CORS mode; an upload listener. */
    XHR("xhr", Kind.SCRIPT_API, Set.of(CredentialsMode.SAME_ORIGIN, CredentialsMode.INCLUDE)),
    /** {@code fetch(url, {keepalive: true})}: as fetch (the request may outlive the page), without a streamed body. */
    KEEPALIVE("keepalive", Kind.SCRIPT_API, Set.of(CredentialsMode.values())),
    /** {@code <img>}: no-cors without crossorigin; tainted = a canvas it is drawn on refuses getImageData. */
    IMG("img", Kind.NO_CORS_ELEMENT, Set.of()),
    /** A classic {@code <script src>}: no-cors without crossorigin; tainted = its errors read "Script error.". */
    SCRIPT("script", Kind.NO_CORS_ELEMENT, Set.of()),
    /** {@code <script type=module>}: always cors (same-origin credentials unless use-credentials); never tainted. */
    MODULE("module", Kind.CORS_ELEMENT, Set.of()),
    /** {@code <link rel=stylesheet>}: no-cors without crossorigin; tainted = reading cssRules throws SecurityError. */
    STYLESHEET("stylesheet", Kind.NO_CORS_ELEMENT, Set.of()),
    /** A web font from an {@code @font-face} rule: always cors, credentials same-origin (CSS Fonts). */
    FONT("font", Kind.FONT, Set.of()),
    /** A web font through the {@code FontFace} API: always cors, credentials same-origin. */
    FONT_FACE("fontface", Kind.FONT, Set.of()),
    /** {@code new EventSource(url, {withCredentials})}: cors, same-origin or include; loaded = a message. */
    EVENTSOURCE("eventsource", Kind.STREAM, Set.of(CredentialsMode.SAME_ORIGIN, CredentialsMode.INCLUDE)),
    /**
     * {@code navigator.sendBeacon(url, body)}: a POST with credentials, no-cors unless a Content-Type header (the body
     * Blob's type) is not CORS-safelisted; the page never sees an answer, so loaded = it reached the server.
     */
    BEACON("beacon", Kind.BEACON, Set.of()),
    /** {@code new Worker(url)}: the worker script is fetched in same-origin mode; loaded = the worker posted back. */
    WORKER("worker", Kind.WORKER, Set.of()),
    /** {@code new Worker(url, {type: "module"})}: also same-origin mode. */
    MODULE_WORKER("moduleworker", Kind.WORKER, Set.of()),
    /**
     * {@code importScripts(url)} in a same-origin classic worker: no-cors with credentials; tainted = the script's
     * error reaches the worker as a NetworkError (muted).
     */
    IMPORT_SCRIPTS("importscripts", Kind.NO_CORS_ELEMENT, Set.of()),
    /** {@code import(url)} in a same-origin module worker: cors, credentials same-origin. */
    WORKER_IMPORT("workerimport", Kind.CORS_ELEMENT, Set.of()),
    /**
     * {@code new WebSocket(url)}: no CORS check at all; the handshake always carries Origin and the cookies, and only
     * the server can refuse it (anything but a 101); loaded = the socket opened.
     */
    WEBSOCKET("websocket", Kind.SOCKET, Set.of());

    private enum Kind {
        SCRIPT_API, NO_CORS_ELEMENT, CORS_ELEMENT, FONT, STREAM, BEACON, WORKER, SOCKET
    }

    private static final Set<String> SAFELISTED_CONTENT_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");

    private final String fileName;
    private final Kind kind;
    private final Set<CredentialsMode> credentials;

    Initiator(String fileName, Kind kind, Set<CredentialsMode> credentials) {
        this.fileName = fileName;
        this.kind = kind;
        this.credentials = credentials;
    }

    @JsonValue
    public String fileName() {
        return fileName;
    }

    public static Initiator fromFileName(String name) {
        return FileNames.parse(values(), Initiator::fileName, name, "api");
    }

    /** Whether script can read the status and the (CORS-exposed) response headers. */
    public boolean observesResponse() {
        return kind == Kind.SCRIPT_API;
    }

    /** Whether the page can tell a usable answer from one it may load but not read (canvas, errors, cssRules). */
    public boolean observesTainting() {
        return kind == Kind.NO_CORS_ELEMENT || kind == Kind.CORS_ELEMENT;
    }

    /** Whether the request is a WebSocket handshake: no CORS protocol, Origin always sent, only the server decides. */
    public boolean webSocket() {
        return kind == Kind.SOCKET;
    }

    /** Whether the page sees any answer at all (a beacon's answer is discarded: it succeeds by arriving). */
    public boolean observesAnswer() {
        return kind != Kind.BEACON;
    }

    /** What this API cannot express of a request, one reason per field ({@code field: reason}); empty when it can. */
    public List<String> problems(RequestSpec spec) {
        List<String> problems = new ArrayList<>();
        if (kind == Kind.BEACON) {
            if (!spec.method().equals("POST")) {
                problems.add("method: a beacon is always a POST; write method: POST");
            }
            if (spec.headers().stream().anyMatch(h -> !h.name().equalsIgnoreCase("Content-Type"))) {
                problems.add("headers: a beacon sets only Content-Type (its body Blob's type)");
            }
            if (spec.mode() != RequestMode.CORS || spec.credentials() != CredentialsMode.SAME_ORIGIN
                    || spec.crossorigin() != null) {
                problems.add("credentials: a beacon always includes credentials; its mode follows its Content-Type");
            }
        } else if (kind == Kind.STREAM) {
            if (spec.mode() != RequestMode.CORS || spec.crossorigin() != null) {
                problems.add("mode: an EventSource is always in cors mode");
            }
            if (!credentials.contains(spec.credentials())) {
                problems.add("credentials: an EventSource has withCredentials false (same-origin) or true (include)");
            }
            if (!spec.method().equals("GET") || !spec.headers().isEmpty() || spec.body() != null) {
                problems.add("method: an EventSource sends a GET without script-set headers or body");
            }
        } else if (kind != Kind.SCRIPT_API) {
            String from = kind == Kind.FONT ? "is always cors with same-origin credentials"
                    : kind == Kind.WORKER ? "is fetched in same-origin mode"
                    : kind == Kind.SOCKET ? "has no CORS mode and always includes credentials"
                    : crossoriginAttribute() ? "takes it from crossorigin" : "has fixed modes";
            if (spec.mode() != RequestMode.CORS) {
                problems.add("mode: " + fileName + " " + from);
            }
            if (spec.credentials() != CredentialsMode.SAME_ORIGIN) {
                problems.add("credentials: " + fileName + " " + from);
            }
            if (!crossoriginAttribute() && spec.crossorigin() != null) {
                problems.add("crossorigin: " + fileName + " has no crossorigin attribute");
            }
            if (!spec.method().equals("GET") || !spec.headers().isEmpty() || spec.body() != null) {
                problems.add("method: " + fileName + " sends a GET without script-set headers or body");
            }
        } else {
            if (spec.crossorigin() != null) {
                problems.add("crossorigin: only elements (img, script, module, stylesheet) have it");
            }
            if (!credentials.contains(spec.credentials())) {
                problems.add("credentials: " + fileName + " cannot ask for '" + spec.credentials().fileName() + "'"
                        + (this == XHR ? " (withCredentials is false or true); use same-origin or include" : ""));
            }
            if (this == XHR && spec.mode() != RequestMode.CORS) {
                problems.add("mode: " + fileName + " is always in cors mode");
            }
        }
        if (spec.bodyStream() && (this != FETCH || spec.body() == null)) {
            problems.add("bodyStream: only a fetch with a body can stream it; set api fetch and a body");
        }
        if (spec.uploadListener() && this != XHR) {
            problems.add("uploadListener: only XHR has an upload listener");
        }
        problems.addAll(spec.fetchOptions().problems(this, spec.hasBody()));
        return problems;
    }

    /** Elements whose crossorigin attribute chooses the mode and credentials. */
    private boolean crossoriginAttribute() {
        return this == IMG || this == SCRIPT || this == MODULE || this == STYLESHEET;
    }

    /** The request mode Fetch runs the request with. */
    public RequestMode effectiveMode(RequestSpec spec) {
        return switch (kind) {
            case SCRIPT_API -> this == XHR ? RequestMode.CORS : spec.mode();
            case NO_CORS_ELEMENT -> spec.crossorigin() == null ? RequestMode.NO_CORS : RequestMode.CORS;
            case CORS_ELEMENT, FONT, STREAM -> RequestMode.CORS;
            case WORKER -> RequestMode.SAME_ORIGIN;
            // Fetch's "websocket" mode: no CORS check (the oracle treats it apart).
            case SOCKET -> RequestMode.NO_CORS;
            case BEACON -> spec.headers().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type"))
                    .map(h -> h.value().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT))
                    .allMatch(SAFELISTED_CONTENT_TYPES::contains) ? RequestMode.NO_CORS : RequestMode.CORS;
        };
    }

    /**
     * The credentials mode Fetch runs the request with: XHR's {@code withCredentials=false} is same-origin; an
     * element without crossorigin includes credentials (a module script: same-origin), with it as the attribute says.
     */
    public CredentialsMode effectiveCredentials(RequestSpec spec) {
        return switch (kind) {
            case SCRIPT_API, STREAM -> (this == XHR || this == EVENTSOURCE)
                    && spec.credentials() != CredentialsMode.INCLUDE ? CredentialsMode.SAME_ORIGIN : spec.credentials();
            case BEACON, SOCKET -> CredentialsMode.INCLUDE;
            case WORKER -> CredentialsMode.SAME_ORIGIN;
            case NO_CORS_ELEMENT -> spec.crossorigin() == null ? CredentialsMode.INCLUDE
                    : spec.crossorigin().credentials();
            case CORS_ELEMENT -> spec.crossorigin() == null ? CredentialsMode.SAME_ORIGIN
                    : spec.crossorigin().credentials();
            case FONT -> CredentialsMode.SAME_ORIGIN;
        };
    }
}
