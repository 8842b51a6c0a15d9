package dev.corssuite.suite.request;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The API a page uses to make a request, with what it can express and what script can observe of the answer. The
 * probe page has one function per initiator, the schema's {@code api} enum lists the same names (a test checks it).
 */
public enum Initiator {
    /** {@code fetch()}: any credentials mode and request mode, bodies and streamed bodies; status and headers. */
    FETCH("fetch", Set.of(CredentialsMode.values()), true, true, false),
    /** XMLHttpRequest: {@code withCredentials} (include) or not (same-origin), always CORS mode; an upload listener. */
    XHR("xhr", Set.of(CredentialsMode.SAME_ORIGIN, CredentialsMode.INCLUDE), false, false, true);

    private final String fileName;
    private final Set<CredentialsMode> credentials;
    private final boolean choosesMode;
    private final boolean streamsBody;
    private final boolean uploadListener;

    Initiator(String fileName, Set<CredentialsMode> credentials, boolean choosesMode, boolean streamsBody,
              boolean uploadListener) {
        this.fileName = fileName;
        this.credentials = credentials;
        this.choosesMode = choosesMode;
        this.streamsBody = streamsBody;
        this.uploadListener = uploadListener;
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
        return true;
    }

    /** What this API cannot express of a request, one reason per field ({@code field: reason}); empty when it can. */
    public List<String> problems(RequestSpec spec) {
        List<String> problems = new ArrayList<>();
        if (!credentials.contains(spec.credentials())) {
            problems.add("credentials: " + fileName + " cannot ask for '" + spec.credentials().fileName() + "'"
                    + (this == XHR ? " (withCredentials is false or true); use same-origin or include" : ""));
        }
        if (!choosesMode && spec.mode() != RequestMode.CORS) {
            problems.add("mode: " + fileName + " is always in cors mode");
        }
        if (spec.bodyStream() && (!streamsBody || spec.body() == null)) {
            problems.add("bodyStream: only a fetch with a body can stream it; set api fetch and a body");
        }
        if (spec.uploadListener() && !uploadListener) {
            problems.add("uploadListener: only XHR has an upload listener");
        }
        return problems;
    }

    /**
     * The credentials mode Fetch runs the request with: XHR's {@code withCredentials=false} is same-origin.
     */
    public CredentialsMode effectiveCredentials(CredentialsMode asked) {
        return this == XHR && asked != CredentialsMode.INCLUDE ? CredentialsMode.SAME_ORIGIN : asked;
    }
}
