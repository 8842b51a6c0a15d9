package dev.corssuite.suite.run;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.suite.runner.TrafficSource;

import java.util.List;

/** The embedded origins' journal as the runner's traffic source: places and origins named by role, as rows do. */
public record FleetTraffic(OriginFleet fleet) implements TrafficSource {
    @Override
    public List<RecordedRequest> requests(String token) {
        return fleet.journal().requests(token);
    }

    @Override
    public String placeOf(RecordedRequest request) {
        return request.receivedBy().fileName();
    }

    /** {@code {origin:ROLE}} for the fleet's origins, anything else as is. */
    @Override
    public String originName(String origin) {
        for (OriginRole role : OriginRole.values()) {
            if (fleet.origin(role).equals(origin)) {
                return "{origin:" + role.fileName() + "}";
            }
        }
        return origin;
    }

    @Override
    public void forget(String token) {
        fleet.journal().forget(token);
    }
}
