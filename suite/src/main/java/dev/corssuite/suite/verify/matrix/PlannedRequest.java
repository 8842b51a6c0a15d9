package dev.corssuite.suite.verify.matrix;

import dev.corssuite.origins.HeaderLine;

import java.util.List;

/**
 * One request of the matrix: from which origin, to which path, how ({@code headerSet} names the header choice:
 * {@code none}, {@code policy} or {@code unlisted}; {@code credentials} is a fetch credentials mode).
 */
public record PlannedRequest(String id, TestOrigin from, String path, String method, String headerSet,
                             List<HeaderLine> headers, String credentials, String body) {
    public PlannedRequest {
        headers = List.copyOf(headers);
    }

    public boolean credentialed() {
        return credentials.equals("include");
    }

    /** One line for people: "PUT /api/items from https://app.example.com, policy headers, with credentials". */
    public String describe() {
        return method + " " + path + " from " + from.origin() + ", " + switch (headerSet) {
            case "none" -> "no extra headers";
            case "policy" -> "headers " + String.join(", ", headers.stream().map(HeaderLine::name).toList());
            default -> "unlisted header " + headers.get(0).name();
        } + (credentialed() ? ", with credentials" : "");
    }
}
