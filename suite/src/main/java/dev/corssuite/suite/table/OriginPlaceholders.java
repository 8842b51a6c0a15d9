package dev.corssuite.suite.table;

import dev.corssuite.origins.OriginRole;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {origin:ROLE}} in a row's header values: the serialized origin of that role, filled in per run. */
public final class OriginPlaceholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{origin:([a-z-]+)}");

    private OriginPlaceholders() {
    }

    public static String fill(String value, Function<OriginRole, String> originOf) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(originOf.apply(OriginRole.fromFileName(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
