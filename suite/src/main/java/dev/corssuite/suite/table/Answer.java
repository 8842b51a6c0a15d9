package dev.corssuite.suite.table;

import dev.corssuite.origins.HeaderLine;

import java.util.List;

/** What an endpoint answers to one kind of request, as written in the row (origin placeholders not yet filled in). */
public record Answer(int status, List<HeaderLine> headers, String body, long delayMillis) {
    public static final Answer NONE = new Answer(200, List.of(), "", 0);

    public Answer {
        headers = List.copyOf(headers);
    }
}
