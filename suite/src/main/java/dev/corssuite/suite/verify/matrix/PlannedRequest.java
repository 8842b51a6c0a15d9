package dev.corssuite.suite.verify.matrix;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.request.RequestSpec;

/**
 * One request of the matrix: from which origin, to which path, what it asks ({@code headerSet} names the header
 * choice: {@code none}, {@code policy} or {@code unlisted}).
 */
public record PlannedRequest(String id, TestOrigin from, String path, String headerSet, RequestSpec spec) {

    public String method() {
        return spec.method();
    }

    public boolean credentialed() {
        return spec.credentialed();
    }

    /**
     * One line for people: "PUT /api/items from https://app.example.com, policy headers, with credentials";
     * "GET /logo.png as img (crossorigin anonymous) from ...".
     */
    public String describe() {
        return spec.method() + " " + path + usedAs() + " from " + from.origin() + ", " + switch (headerSet) {
            case "none" -> "no extra headers";
            case "policy" -> "headers " + String.join(", ", spec.headers().stream().map(HeaderLine::name).toList());
            default -> "unlisted header " + spec.headers().get(0).name();
        } + (credentialed() ? ", with credentials" : "");
    }

    /** " as img (crossorigin anonymous)" for an endpoint used as an element or a font; "" for fetch. */
    public String usedAs() {
        if (spec.api() == dev.corssuite.suite.request.Initiator.FETCH) {
            return "";
        }
        return " as " + spec.api().fileName()
                + (spec.crossorigin() == null ? "" : " (crossorigin " + spec.crossorigin().fileName() + ")");
    }
}
