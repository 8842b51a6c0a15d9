package dev.corssuite.suite.request;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code fetch()} says beyond method, headers and modes: the kind of body object script passes
 * ({@code bodyKind}, built from the row's body text; {@code bodyType} is a Blob's type), {@code redirect} and
 * {@code cache}. The defaults are what {@code fetch(url, {body: "text"})} does.
 */
public record FetchOptions(BodyKind bodyKind, String bodyType, RedirectMode redirect, CacheMode cache) {
    public static final FetchOptions DEFAULT = new FetchOptions(BodyKind.STRING, null, RedirectMode.FOLLOW,
            CacheMode.DEFAULT);
    /** What the oracle writes for a multipart boundary, which each engine makes up. */
    public static final String ORACLE_BOUNDARY = "----oracle-boundary";

    public FetchOptions {
        bodyKind = bodyKind == null ? BodyKind.STRING : bodyKind;
        redirect = redirect == null ? RedirectMode.FOLLOW : redirect;
        cache = cache == null ? CacheMode.DEFAULT : cache;
    }

    /** The body object script passes: text, a FormData or URLSearchParams of the text's pairs, or a Blob of it. */
    public enum BodyKind {
        STRING("string"), FORM_DATA("formdata"), URL_SEARCH_PARAMS("urlsearchparams"), BLOB("blob");

        private final String fileName;

        BodyKind(String fileName) {
            this.fileName = fileName;
        }

        @JsonValue
        public String fileName() {
            return fileName;
        }

        public static BodyKind fromFileName(String name) {
            return FileNames.parse(values(), BodyKind::fileName, name, "bodyKind");
        }
    }

    /** A request's redirect mode (Fetch). */
    public enum RedirectMode {
        FOLLOW("follow"), ERROR("error"), MANUAL("manual");

        private final String fileName;

        RedirectMode(String fileName) {
            this.fileName = fileName;
        }

        @JsonValue
        public String fileName() {
            return fileName;
        }

        public static RedirectMode fromFileName(String name) {
            return FileNames.parse(values(), RedirectMode::fileName, name, "redirect mode");
        }
    }

    /** A request's cache mode (Fetch). */
    public enum CacheMode {
        DEFAULT("default"), NO_STORE("no-store"), RELOAD("reload"), NO_CACHE("no-cache"), FORCE_CACHE("force-cache"),
        ONLY_IF_CACHED("only-if-cached");

        private final String fileName;

        CacheMode(String fileName) {
            this.fileName = fileName;
        }

        @JsonValue
        public String fileName() {
            return fileName;
        }

        public static CacheMode fromFileName(String name) {
            return FileNames.parse(values(), CacheMode::fileName, name, "cache mode");
        }
    }

    /**
     * Fetch "extract a body": the Content-Type the body object brings ({@code null}: none), appended when script
     * set none.
     */
    public String bodyContentType() {
        return switch (bodyKind) {
            case STRING -> "text/plain;charset=UTF-8";
            case URL_SEARCH_PARAMS -> "application/x-www-form-urlencoded;charset=UTF-8";
            case FORM_DATA -> "multipart/form-data; boundary=" + ORACLE_BOUNDARY;
            // A Blob's type is lowercased when it is ASCII printable; empty means no Content-Type.
            case BLOB -> bodyType == null || bodyType.isEmpty() ? null : bodyType.toLowerCase(Locale.ROOT);
        };
    }

    /** What the options ask of an API that cannot express them, {@code field: reason} each. */
    List<String> problems(Initiator api, boolean hasBody) {
        List<String> problems = new ArrayList<>();
        boolean fetch = api == Initiator.FETCH || api == Initiator.KEEPALIVE;
        if (bodyKind != BodyKind.STRING && (!hasBody || !(fetch || api == Initiator.XHR))) {
            problems.add("bodyKind: only fetch and XHR send a body object; give a body (the text it is built from)");
        }
        if (bodyType != null && bodyKind != BodyKind.BLOB) {
            problems.add("bodyType: only a Blob body has a type; set bodyKind: blob");
        }
        if (redirect != RedirectMode.FOLLOW && !fetch) {
            problems.add("redirect: only fetch has a redirect mode");
        }
        if (cache != CacheMode.DEFAULT && !fetch) {
            problems.add("cache: only fetch has a cache mode");
        }
        return problems;
    }
}
