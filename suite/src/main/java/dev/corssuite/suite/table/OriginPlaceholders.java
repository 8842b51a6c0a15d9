package dev.corssuite.suite.table;

import dev.corssuite.origins.OriginRole;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders in a row's header values, filled in per run: {@code {origin:ROLE}} the serialized origin of a role,
 * {@code {endpoint:ROLE}} this case's endpoint URL on that role's origin, {@code {host:ROLE}} that origin's
 * host:port, {@code {port:ROLE}} its port, {@code {path}} the case endpoint's path (the same on every origin).
 */
public final class OriginPlaceholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(origin|endpoint|host|port):([a-z-]+)}");
    private static final Pattern ANY = Pattern.compile("\\{(?:(origin|endpoint|host|port):([a-z-]+)|path)}");

    private OriginPlaceholders() {
    }

    /** Fills {@code {origin:ROLE}} only (values that have no case endpoint, such as expected origins). */
    public static String fill(String value, Function<OriginRole, String> originOf) {
        return fill(value, originOf, "{path}");
    }

    public static String fill(String value, Function<OriginRole, String> originOf, String endpointPath) {
        Matcher m = ANY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = endpointPath;
            } else {
                String origin = originOf.apply(OriginRole.fromFileName(m.group(2)));
                replacement = switch (m.group(1)) {
                    case "origin" -> origin;
                    case "endpoint" -> origin + endpointPath;
                    case "port" -> origin.substring(origin.lastIndexOf(':') + 1);
                    default -> origin.substring(origin.indexOf("://") + 3);
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
