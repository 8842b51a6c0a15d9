package dev.corssuite.suite.runner;

import dev.corssuite.origins.RecordedRequest;

import java.util.List;

/**
 * Where the requests a probe caused are recorded, by probe id: the embedded origins' journal in a table run, the
 * proxy's record of what reached the target in verify mode. It also names places and origins the way expectations
 * write them, and reports the faults of the suite's own machinery (which turn a request into an infrastructure
 * error instead of a verdict).
 */
public interface TrafficSource {
    /** What arrived for a probe id, in arrival order. */
    List<RecordedRequest> requests(String id);

    /** Where a request arrived, as expectations name it (a role such as {@code cross-port}, or {@code target}). */
    String placeOf(RecordedRequest request);

    /** An {@code Origin} header value as expectations write it (e.g. {@code {origin:page}}); as is by default. */
    default String originName(String origin) {
        return origin;
    }

    /** The suite's own faults while carrying a probe's requests (e.g. the proxy's); empty when there were none. */
    default List<String> faults(String id) {
        return List.of();
    }

    /** Forgets a probe's record once it is judged. */
    default void forget(String id) {
    }
}
