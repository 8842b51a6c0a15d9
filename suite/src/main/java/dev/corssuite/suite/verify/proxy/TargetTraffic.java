package dev.corssuite.suite.verify.proxy;

import dev.corssuite.origins.RecordedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the browser sent to the target through the proxy, keyed by the request id the suite puts in the query
 * ({@value #QUERY_PARAMETER}). Safe for concurrent use.
 */
public final class TargetTraffic {
    public static final String QUERY_PARAMETER = "cors-suite-request";

    private final ConcurrentMap<String, List<RecordedRequest>> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<Integer>> statuses = new ConcurrentHashMap<>();

    void record(RecordedRequest request) {
        byId.computeIfAbsent(request.token(), id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(request);
    }

    /** The statuses the target answered for one request id, in order (null id: not a suite request, ignored). */
    void answered(String id, int status) {
        if (id != null) {
            statuses.computeIfAbsent(id, i -> java.util.Collections.synchronizedList(new ArrayList<>())).add(status);
        }
    }

    public List<Integer> statuses(String id) {
        List<Integer> list = statuses.get(id);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** The requests the target received for one request id, in arrival order. */
    public List<RecordedRequest> requests(String id) {
        List<RecordedRequest> list = byId.get(id);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** The request id in a query string, or null. */
    static String idIn(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(QUERY_PARAMETER + "=")) {
                return pair.substring(QUERY_PARAMETER.length() + 1);
            }
        }
        return null;
    }
}
