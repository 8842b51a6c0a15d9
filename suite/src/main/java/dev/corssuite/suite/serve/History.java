package dev.corssuite.suite.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The session's requests, in memory, in the order they ran: each run's result and its view. */
final class History {
    record Entry(int id, SingleRequestRun.Ran ran, ObjectNode view) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized int nextId() {
        return entries.size() + 1;
    }

    synchronized void add(Entry entry) {
        entries.add(entry);
    }

    synchronized Optional<Entry> get(int id) {
        return id >= 1 && id <= entries.size() ? Optional.of(entries.get(id - 1)) : Optional.empty();
    }

    /** One line per request, newest first: id, title, and each engine's verdict (or the input problems). */
    synchronized ArrayNode list() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = entries.size() - 1; i >= 0; i--) {
            ObjectNode view = entries.get(i).view();
            ObjectNode line = list.addObject().put("id", view.path("id").asInt())
                    .put("title", view.path("title").asText())
                    .put("exportable", !entries.get(i).ran().badInput());
            ObjectNode verdicts = line.putObject("verdicts");
            view.path("engines").forEach(e -> verdicts.put(e.path("name").asText(),
                    e.has("verdict") ? e.path("verdict").asText() : e.has("skipped") ? "skipped"
                            : "infrastructure error"));
            line.put("problems", view.path("problems").size());
        }
        return list;
    }
}
