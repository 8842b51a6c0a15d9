package dev.corssuite.suite.verify.direct;

import dev.corssuite.origins.HeaderLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One answer as the server sent it (status and header lines), or why there was none ({@code failure}). */
public record RawAnswer(String method, int status, List<HeaderLine> headers, String failure, long ms) {
    public RawAnswer {
        headers = List.copyOf(headers);
    }

    public static RawAnswer failed(String method, String failure, long ms) {
        return new RawAnswer(method, -1, List.of(), failure, ms);
    }

    public boolean answered() {
        return failure == null;
    }

    /** All values of a header joined with ", ", or empty when absent. */
    public Optional<String> header(String name) {
        List<String> values = new ArrayList<>();
        headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).forEach(h -> values.add(h.value()));
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    public boolean varies(String name) {
        return header("Vary").map(v -> {
            for (String part : v.split(",")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (p.equals("*") || p.equals(name.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    /** "204, Access-Control-Allow-Origin: x, ..." keeping only the CORS headers and Vary; or the failure. */
    public String corsSummary() {
        if (!answered()) {
            return "no answer: " + failure;
        }
        List<String> shown = new ArrayList<>();
        for (HeaderLine h : headers) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            if (lower.startsWith("access-control-") || lower.equals("vary") || lower.equals("location")
                    || lower.equals("www-authenticate")) {
                shown.add(h.name() + ": " + h.value());
            }
        }
        return status + (shown.isEmpty() ? ", no CORS headers" : ", " + String.join(", ", shown));
    }
}
