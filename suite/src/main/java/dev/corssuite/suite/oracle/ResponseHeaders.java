package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A response's header lines as Fetch reads them: combined values and token lists. */
final class ResponseHeaders {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final List<HeaderLine> lines;

    ResponseHeaders(List<HeaderLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /** All values of a name joined with ", " (how Fetch "gets" a header), or empty when absent. */
    Optional<String> combined(String name) {
        List<String> values = new ArrayList<>();
        for (HeaderLine line : lines) {
            if (line.name().equalsIgnoreCase(name)) {
                values.add(line.value().strip());
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    /**
     * The header as a list of tokens ("extract header list values"): empty list when absent, empty Optional when a
     * member is not a token, which fails the preflight.
     */
    Optional<List<String>> tokens(String name) {
        Optional<String> value = combined(name);
        if (value.isEmpty()) {
            return Optional.of(List.of());
        }
        List<String> tokens = new ArrayList<>();
        for (String part : value.get().split(",", -1)) {
            String token = part.strip();
            if (token.isEmpty()) {
                continue;
            }
            if (!TOKEN.matcher(token).matches()) {
                return Optional.empty();
            }
            tokens.add(token);
        }
        return Optional.of(tokens);
    }

    List<String> names() {
        return lines.stream().map(l -> l.name().toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
