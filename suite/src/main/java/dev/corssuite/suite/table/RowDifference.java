package dev.corssuite.suite.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What two rows set up differently: the server's answers and the page's request, defaults filled in, compared leaf
 * by leaf. A negative row and its control must differ in exactly one leaf.
 */
final class RowDifference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowDifference() {
    }

    static List<String> between(CorsCase a, CorsCase b) {
        Map<String, String> left = leaves(a);
        Map<String, String> right = leaves(b);
        List<String> differences = new ArrayList<>();
        for (String path : new TreeSet<>(union(left, right))) {
            if (!Objects.equals(left.get(path), right.get(path))) {
                differences.add(path);
            }
        }
        return differences;
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static Map<String, String> leaves(CorsCase row) {
        Map<String, String> out = new TreeMap<>();
        flatten("server.preflight", JSON.valueToTree(row.preflight()), out);
        flatten("server.actual", JSON.valueToTree(row.actual()), out);
        flatten("request", JSON.valueToTree(row.request()), out);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject() && node.size() == 2 && node.has("name") && node.has("value")) {
            out.put(path, node.get("name").asText() + ": " + node.get("value").asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.asText());
        }
    }
}
