package dev.corssuite.suite.request;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.corssuite.origins.HeaderLine;

import java.util.List;
import java.util.Objects;

/**
 * What a page asks for, wherever it runs and whatever it is sent to: the initiating API, method, the headers script
 * sets, a body (null: none; {@code bodyStream}: sent as a ReadableStream), credentials and request mode, an XHR upload
 * listener, an element's {@code crossorigin} attribute (null: absent), how long the page waits for an answer, and
 * the fetch options (body object, redirect and cache modes).
 * The table, the oracle, the probe page and the verify matrix all use this record; a new request field is added here
 * (and in the schema, the probe function, the oracle).
 */
public record RequestSpec(
        Initiator api,
        String method,
        List<HeaderLine> headers,
        String body,
        boolean bodyStream,
        CredentialsMode credentials,
        RequestMode mode,
        boolean uploadListener,
        CorsSetting crossorigin,
        long timeoutMs,
        @JsonUnwrapped FetchOptions fetchOptions) {

    public static final long DEFAULT_TIMEOUT_MS = 5000;

    public RequestSpec {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(mode, "mode");
        headers = List.copyOf(headers);
        fetchOptions = fetchOptions == null ? FetchOptions.DEFAULT : fetchOptions;
    }

    /** A request with the default fetch options (a text body, redirect follow, cache default). */
    public RequestSpec(Initiator api, String method, List<HeaderLine> headers, String body, boolean bodyStream,
                       CredentialsMode credentials, RequestMode mode, boolean uploadListener, CorsSetting crossorigin,
                       long timeoutMs) {
        this(api, method, headers, body, bodyStream, credentials, mode, uploadListener, crossorigin, timeoutMs,
                FetchOptions.DEFAULT);
    }

    /** A fetch in cors mode with the given method, headers, credentials, body and timeout. */
    public static RequestSpec fetch(String method, List<HeaderLine> headers, CredentialsMode credentials, String body,
                                    long timeoutMs) {
        return new RequestSpec(Initiator.FETCH, method, headers, body, false, credentials, RequestMode.CORS, false,
                null, timeoutMs);
    }

    public boolean hasBody() {
        return body != null;
    }

    /** The use-CORS-preflight flag: an XHR upload listener or a ReadableStream body. */
    public boolean useCorsPreflight() {
        return uploadListener || bodyStream;
    }

    /** The mode Fetch runs it with (an element's comes from its crossorigin attribute). */
    public RequestMode effectiveMode() {
        return api.effectiveMode(this);
    }

    /** The credentials mode Fetch runs it with. */
    public CredentialsMode effectiveCredentials() {
        return api.effectiveCredentials(this);
    }

    public boolean credentialed() {
        return effectiveCredentials() == CredentialsMode.INCLUDE;
    }
}
