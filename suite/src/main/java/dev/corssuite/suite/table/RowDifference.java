package dev.corssuite.suite.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corssuite.origins.HeaderLine;
import dev.corssuite.origins.OriginRole;

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
        Map<String, String> left = leaves(a, overridden(a, b));
        Map<String, String> right = leaves(b, overridden(a, b));
        TreeSet<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        for (String path : paths) {
            if (!Objects.equals(left.get(path), right.get(path))) {
                differences.add(path);
            }
        }
        headers("server.preflight.headers", a.preflight().headers(), b.preflight().headers(), differences);
        headers("server.actual.headers", a.actual().headers(), b.actual().headers(), differences);
        for (OriginRole role : overridden(a, b)) {
            headers("server.on." + role.fileName() + ".preflight.headers", a.preflightOn(role).headers(),
                    b.preflightOn(role).headers(), differences);
            headers("server.on." + role.fileName() + ".actual.headers", a.actualOn(role).headers(),
                    b.actualOn(role).headers(), differences);
        }
        headers("server.revalidated.headers", revalidatedHeaders(a), revalidatedHeaders(b), differences);
        headers("request.headers", a.request().spec().headers(), b.request().spec().headers(), differences);
        for (int i = 0; i < Math.max(a.then().size(), b.then().size()); i++) {
            headers("then[" + i + "].headers", ownHeaders(a, i), ownHeaders(b, i), differences);
        }
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

    private static List<HeaderLine> revalidatedHeaders(CorsCase row) {
        return row.revalidated() == null ? List.of() : row.revalidated().headers();
    }

    /** A follow-up's header lines when it sets its own, else none (it repeats the first request's). */
    private static List<HeaderLine> ownHeaders(CorsCase row, int i) {
        if (i >= row.then().size()) {
            return List.of();
        }
        List<HeaderLine> headers = row.then().get(i).request().spec().headers();
        return headers.equals(row.request().spec().headers()) ? List.of() : headers;
    }

    /** Roles either row answers differently from its defaults: there the answers in effect are compared. */
    private static java.util.Set<OriginRole> overridden(CorsCase a, CorsCase b) {
        java.util.Set<OriginRole> roles = java.util.EnumSet.noneOf(OriginRole.class);
        roles.addAll(a.on().keySet());
        roles.addAll(b.on().keySet());
        return roles;
    }

    private static Map<String, String> leaves(CorsCase row, java.util.Set<OriginRole> overridden) {
        Map<String, String> out = new TreeMap<>();
        flatten("server.preflight", withoutHeaders(JSON.valueToTree(row.preflight())), out);
        flatten("server.actual", withoutHeaders(JSON.valueToTree(row.actual())), out);
        if (row.revalidated() != null) {
            flatten("server.revalidated", withoutHeaders(JSON.valueToTree(row.revalidated())), out);
        }
        for (OriginRole role : overridden) {
            String path = "server.on." + role.fileName();
            flatten(path + ".preflight", withoutHeaders(JSON.valueToTree(row.preflightOn(role))), out);
            flatten(path + ".actual", withoutHeaders(JSON.valueToTree(row.actualOn(role))), out);
        }
        Map<String, String> first = new TreeMap<>();
        flatten("", withoutHeaders(JSON.valueToTree(row.request())), first);
        first.forEach((path, value) -> out.put("request" + path, value));
        for (int i = 0; i < row.then().size(); i++) {
            FollowUp next = row.then().get(i);
            out.put("then[" + i + "].waitMs", String.valueOf(next.waitMillis()));
            Map<String, String> step = new TreeMap<>();
            flatten("", withoutHeaders(JSON.valueToTree(next.request())), step);
            String prefix = "then[" + i + "]";
            // A follow-up repeats the first request; only what it changes counts.
            step.forEach((path, value) -> {
                if (!value.equals(first.get(path))) {
                    out.put(prefix + path, value);
                }
            });
        }
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
