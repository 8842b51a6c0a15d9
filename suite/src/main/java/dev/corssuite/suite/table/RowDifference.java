package dev.corssuite.suite.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corssuite.origins.HeaderLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What two rows set up differently: the server's answers and the page's request, defaults filled in. Scalars are
 * compared by path; a header list counts the lines added, removed or changed (a changed value is one difference,
 * and removing a line does not shift the others). A negative row and its control must differ in exactly one.
 */
final class RowDifference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowDifference() {
    }

    static List<String> between(CorsCase a, CorsCase b) {
        List<String> differences = new ArrayList<>();
        Map<String, String> left = leaves(a);
        Map<String, String> right = leaves(b);
        TreeSet<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        for (String path : paths) {
            if (!Objects.equals(left.get(path), right.get(path))) {
                differences.add(path);
            }
        }
        headers("server.preflight.headers", a.preflight().headers(), b.preflight().headers(), differences);
        headers("server.actual.headers", a.actual().headers(), b.actual().headers(), differences);
        headers("request.headers", a.request().headers(), b.request().headers(), differences);
        return differences;
    }

    private static void headers(String path, List<HeaderLine> a, List<HeaderLine> b, List<String> out) {
        List<String> onlyA = new ArrayList<>(a.stream().map(HeaderLine::toString).toList());
        List<String> onlyB = new ArrayList<>(b.stream().map(HeaderLine::toString).toList());
        for (String line : List.copyOf(onlyA)) {
            if (onlyB.remove(line)) {
                onlyA.remove(line);
            }
        }
        int count = Math.max(onlyA.size(), onlyB.size());
        for (int i = 0; i < count; i++) {
            out.add(path + " (" + (i < onlyA.size() ? onlyA.get(i) : "-") + " / " + (i < onlyB.size() ? onlyB.get(i) : "-")
                    + ")");
        }
    }

    private static Map<String, String> leaves(CorsCase row) {
        Map<String, String> out = new TreeMap<>();
        flatten("server.preflight", withoutHeaders(JSON.valueToTree(row.preflight())), out);
        flatten("server.actual", withoutHeaders(JSON.valueToTree(row.actual())), out);
        flatten("request", withoutHeaders(JSON.valueToTree(row.request())), out);
        return out;
    }

    private static JsonNode withoutHeaders(JsonNode node) {
        ((ObjectNode) node).remove("headers");
        return node;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
        } else if (!node.isNull()) {
            out.put(path, node.asText());
        }
    }
}
