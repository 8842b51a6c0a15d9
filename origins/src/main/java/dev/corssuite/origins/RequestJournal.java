package dev.corssuite.origins;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Every request the CORS endpoints received, keyed by the case token in the path. Safe for concurrent use. */
public final class RequestJournal {
    private final ConcurrentMap<String, List<RecordedRequest>> byToken = new ConcurrentHashMap<>();

    void record(RecordedRequest request) {
        byToken.compute(request.token(), (token, list) -> {
            List<RecordedRequest> next = list == null ? new ArrayList<>() : list;
            next.add(request);
            return next;
        });
    }

    /** The requests received under a token, in arrival order (a copy). */
    public List<RecordedRequest> requests(String token) {
        List<RecordedRequest> result = new ArrayList<>();
        byToken.computeIfPresent(token, (t, list) -> {
            result.addAll(list);
            return list;
        });
        return List.copyOf(result);
    }

    /** Drops what a token recorded, once its case is judged, so long runs do not grow the journal. */
    public void forget(String token) {
        byToken.remove(token);
    }

    public int tokenCount() {
        return byToken.size();
    }
}
