package dev.corssuite.suite.results.writers;

import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The item x engine grid, items grouped: Markdown (CI job summaries) and a standalone HTML page. */
public final class ComplianceMatrix {
    private final Results results;
    private final List<String> engines;

    public ComplianceMatrix(Results results) {
        this.results = results;
        this.engines = results.engines().stream().map(e -> e.name()).sorted().toList();
    }

    private String legend() {
        StringBuilder legend = new StringBuilder();
        for (Status s : Status.values()) {
            legend.append(legend.isEmpty() ? "" : " · ").append(s.mark()).append(' ').append(s.label());
        }
        return legend.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("## " + results.mode().title() + " matrix\n\n");
        out.append(legend()).append('\n');
        String group = null;
        for (Item item : sorted()) {
            if (!item.group().equals(group)) {
                group = item.group();
                out.append("\n### ").append(group).append("\n\n| ").append(itemNoun()).append(" |");
                engines.forEach(b -> out.append(' ').append(b).append(" |"));
                out.append("\n|---|");
                engines.forEach(b -> out.append(":---:|"));
                out.append('\n');
            }
            out.append("| `").append(item.id()).append("` ").append(item.title().replace("|", "\\|")).append(" |");
            for (String engine : engines) {
                out.append(' ').append(status(item, engine).mark()).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    public String html() {
        StringBuilder out = new StringBuilder("<!doctype html>\n<meta charset=\"utf-8\">\n<title>"
                + results.mode().title() + " matrix</title>\n<style>body{font:14px system-ui,sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}td.c{text-align:center}"
                + "th{background:#f3f3f3}.MATCHED{background:#e6f4ea}.KNOWN_DEVIATION{background:#fff4ce}"
                + ".SPEC_WPT_DISAGREEMENT{background:#e8eaf6}.DIFFERED{background:#fde2e1}"
                + ".INFRASTRUCTURE_ERROR{background:#eee}</style>\n<h1>"
                + results.mode().title() + " matrix</h1>\n<p>" + escape(results.subject()) + "</p>\n<table>\n");
        String group = null;
        for (Item item : sorted()) {
            if (!item.group().equals(group)) {
                group = item.group();
                out.append("<tr><th>").append(escape(group)).append("</th>");
                engines.forEach(b -> out.append("<th>").append(escape(b)).append("</th>"));
                out.append("</tr>\n");
            }
            out.append("<tr><td><code>").append(escape(item.id())).append("</code> ").append(escape(item.title()))
                    .append("</td>");
            for (String engine : engines) {
                Status status = status(item, engine);
                out.append("<td class=\"c ").append(status.name()).append("\">").append(status.mark()).append(' ')
                        .append(status.label()).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    public void write(Path folder) throws IOException {
        ReplacedFile.writeString(folder.resolve("matrix.md"), markdown());
        ReplacedFile.writeString(folder.resolve("matrix.html"), html());
    }

    private String itemNoun() {
        return results.mode() == Results.Mode.CONFORMANCE ? "case" : "request";
    }

    private List<Item> sorted() {
        return results.items().stream().sorted(java.util.Comparator.comparing(Item::group)).toList();
    }

    private static Status status(Item item, String engine) {
        Cell cell = item.cells().get(engine);
        return cell == null ? Status.NOT_RUN : cell.status();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
