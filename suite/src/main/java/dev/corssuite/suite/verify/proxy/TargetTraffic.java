package dev.corssuite.suite.verify.proxy;

import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.suite.runner.TrafficSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the browser sent to the target through the proxy, keyed by the request id the suite puts in the query
 * ({@value #QUERY_PARAMETER}), and the proxy's own faults: a request with a fault did not reach the browser as the
 * server answered it, so it is an infrastructure error, never a verdict. Safe for concurrent use.
 */
public final class TargetTraffic implements TrafficSource {
    public static final String QUERY_PARAMETER = "cors-suite-request";

    private final ConcurrentMap<String, List<RecordedRequest>> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<String>> faultsById = new ConcurrentHashMap<>();
    private final List<String> runFaults = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentMap<String, List<Integer>> statuses = new ConcurrentHashMap<>();

    void record(RecordedRequest request) {
        byId.computeIfAbsent(request.token(), id -> Collections.synchronizedList(new ArrayList<>())).add(request);
    }

    /** Records a proxy-side fault against a request id, or against the run when the id is not known (null). */
    void fault(String id, String reason) {
        (id == null ? runFaults : faultsById.computeIfAbsent(id,
                i -> Collections.synchronizedList(new ArrayList<>()))).add(reason);
    }

    /** Every request here reached the target. */
    @Override
    public String placeOf(RecordedRequest request) {
        return "target";
    }

    /** The statuses the target answered for one request id, in order (null id: not a suite request, ignored). */
    void answered(String id, int status) {
        if (id != null) {
            statuses.computeIfAbsent(id, i -> Collections.synchronizedList(new ArrayList<>())).add(status);
        }
    }

    /** The statuses the target answered for one request id, in order. */
    public List<Integer> statuses(String id) {
        return copy(statuses.get(id));
    }

    /** The requests the target received for one request id, in arrival order. */
    @Override
    public List<RecordedRequest> requests(String id) {
        return copy(byId.get(id));
    }

    /** Why the proxy failed a request with this id (human-readable, in order); empty when it relayed it faithfully. */
    @Override
    public List<String> faults(String id) {
        return copy(faultsById.get(id));
    }

    /** Proxy-side faults on requests without an id (page loads, malformed requests, TLS handshakes). */
    public List<String> runFaults() {
        return copy(runFaults);
    }

    private static <T> List<T> copy(List<T> list) {
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
