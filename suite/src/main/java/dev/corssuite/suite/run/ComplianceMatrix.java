package dev.corssuite.suite.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The case x browser grid, rows grouped by area: Markdown (CI job summaries) and a standalone HTML page. */
public final class ComplianceMatrix {
    /** How one case ended in one browser. */
    public enum Cell {
        MATCHES("✅", "matches"), KNOWN_DEVIATION("🟡", "known deviation"),
        SPEC_WPT_SPLIT("🔀", "spec and WPT disagree"), DIFFERS("❌", "differs"),
        NOT_RUN("⚪", "not run");

        final String mark;
        final String label;

        Cell(String mark, String label) {
            this.mark = mark;
            this.label = label;
        }
    }

    private record Row(String area, String id, String description) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, Map<String, Cell>> cells = new TreeMap<>();
    private final TreeSet<String> browsers = new TreeSet<>();

    public synchronized void record(String area, String caseId, String description, String browser, Cell cell) {
        rows.putIfAbsent(caseId, new Row(area, caseId, description));
        cells.computeIfAbsent(caseId, c -> new TreeMap<>()).put(browser, cell);
        browsers.add(browser);
    }

    public synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    public synchronized String markdown() {
        StringBuilder out = new StringBuilder("## CORS conformance matrix\n\n");
        out.append("✅ matches the table · 🟡 known deviation · 🔀 spec and WPT disagree · ❌ differs · ⚪ not run\n");
        String area = null;
        for (Row row : sortedRows()) {
            if (!row.area().equals(area)) {
                area = row.area();
                out.append("\n### ").append(area).append("\n\n| case |");
                browsers.forEach(b -> out.append(' ').append(b).append(" |"));
                out.append("\n|---|");
                browsers.forEach(b -> out.append(":---:|"));
                out.append('\n');
            }
            out.append("| `").append(row.id()).append("` ").append(row.description().replace("|", "\\|")).append(" |");
            for (String browser : browsers) {
                out.append(' ').append(cell(row.id(), browser).mark).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    public synchronized String html() {
        StringBuilder out = new StringBuilder("<!doctype html>\n<meta charset=\"utf-8\">\n<title>CORS conformance matrix"
                + "</title>\n<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:4px 8px}td.c{text-align:center}th{background:#f3f3f3}"
                + ".MATCHES{background:#e6f4ea}.KNOWN_DEVIATION{background:#fff4ce}.SPEC_WPT_SPLIT{background:#e8eaf6}"
                + ".DIFFERS{background:#fde2e1}"
                + "</style>\n<h1>CORS conformance matrix</h1>\n<table>\n");
        String area = null;
        for (Row row : sortedRows()) {
            if (!row.area().equals(area)) {
                area = row.area();
                out.append("<tr><th>").append(escape(area)).append("</th>");
                browsers.forEach(b -> out.append("<th>").append(escape(b)).append("</th>"));
                out.append("</tr>\n");
            }
            out.append("<tr><td><code>").append(escape(row.id())).append("</code> ").append(escape(row.description()))
                    .append("</td>");
            for (String browser : browsers) {
                Cell cell = cell(row.id(), browser);
                out.append("<td class=\"c ").append(cell.name()).append("\">").append(cell.mark).append(' ')
                        .append(cell.label).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    public synchronized void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("matrix.md"), markdown());
        Files.writeString(folder.resolve("matrix.html"), html());
    }

    private List<Row> sortedRows() {
        return rows.values().stream().sorted(java.util.Comparator.comparing(Row::area)).toList();
    }

    private Cell cell(String caseId, String browser) {
        return cells.getOrDefault(caseId, Map.of()).getOrDefault(browser, Cell.NOT_RUN);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
