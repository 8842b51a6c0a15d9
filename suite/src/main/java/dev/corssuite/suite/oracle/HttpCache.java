package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP cache as far as the table uses it (RFC 9111): a 200 answer with a validator ({@code ETag} or
 * {@code Last-Modified}) is stored per URL unless it says {@code no-store}; it is fresh while its
 * {@code Cache-Control: max-age} lasts; a 304 to a conditional request freshens it ("Freshening Stored Responses upon
 * Validation": the 304's header fields replace the stored ones of the same name, Content-Length aside). Time is
 * the oracle's clock, in milliseconds.
 */
final class HttpCache {
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

    /** A stored answer and when it was stored. */
    record Entry(OracleAnswer answer, long storedAt) {
        boolean freshAt(long now) {
            Optional<String> cacheControl = new ResponseHeaders(answer.headers()).combined("Cache-Control");
            if (cacheControl.isEmpty()) {
                return false;
            }
            Matcher m = MAX_AGE.matcher(cacheControl.get());
            return m.find() && now - storedAt < Long.parseLong(m.group(1)) * 1000;
        }

        /** The conditional request's header lines: If-None-Match for an ETag, If-Modified-Since for a date. */
        List<HeaderLine> validators() {
            ResponseHeaders headers = new ResponseHeaders(answer.headers());
            List<HeaderLine> lines = new ArrayList<>();
            headers.combined("ETag").ifPresent(v -> lines.add(new HeaderLine("if-none-match", v)));
            headers.combined("Last-Modified").ifPresent(v -> lines.add(new HeaderLine("if-modified-since", v)));
            return lines;
        }

        /** The stored answer with its header fields updated from a 304's. */
        OracleAnswer freshenedWith(OracleAnswer notModified) {
            List<HeaderLine> updated = new ArrayList<>();
            List<String> replaced = notModified.headers().stream().map(h -> h.name().toLowerCase(Locale.ROOT))
                    .filter(n -> !n.equals("content-length")).distinct().toList();
            answer.headers().stream().filter(h -> !replaced.contains(h.name().toLowerCase(Locale.ROOT)))
                    .forEach(updated::add);
            notModified.headers().stream().filter(h -> replaced.contains(h.name().toLowerCase(Locale.ROOT)))
                    .forEach(updated::add);
            return new OracleAnswer(answer.status(), updated, 0);
        }
    }

    private final Map<String, Entry> byUrl = new HashMap<>();

    Optional<Entry> lookup(String url) {
        return Optional.ofNullable(byUrl.get(url));
    }

    /** Stores a storable answer (200, with a validator, without no-store); anything else leaves the entry as is. */
    void store(String url, OracleAnswer answer, long now) {
        ResponseHeaders headers = new ResponseHeaders(answer.headers());
        boolean validator = headers.combined("ETag").isPresent() || headers.combined("Last-Modified").isPresent();
        boolean noStore = headers.combined("Cache-Control").map(v -> v.toLowerCase(Locale.ROOT).contains("no-store"))
                .orElse(false);
        if (answer.status() == 200 && validator && !noStore) {
            byUrl.put(url, new Entry(answer, now));
        }
    }
}
