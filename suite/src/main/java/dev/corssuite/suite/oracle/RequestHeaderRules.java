package dev.corssuite.suite.oracle;

import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.request.Initiator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Fetch "Headers": CORS-safelisted request-headers, forbidden request-headers, and the CORS-unsafe names. */
public final class RequestHeaderRules {
    private static final Set<String> FORBIDDEN = Set.of("accept-charset", "accept-encoding",
            "access-control-request-headers", "access-control-request-method", "connection", "content-length",
            "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "set-cookie", "te",
            "trailer", "transfer-encoding", "upgrade", "via");
    private static final Set<String> SAFELISTED_CONTENT_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");
    private static final Pattern LANGUAGE = Pattern.compile("[0-9A-Za-z *,\\-.;=]*");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final int VALUE_LIMIT = 128;
    private static final int TOTAL_LIMIT = 1024;

    private RequestHeaderRules() {
    }

    /** Headers a script may not set; the browser drops them silently. */
    public static boolean forbidden(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return FORBIDDEN.contains(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-");
    }

    /**
     * The request's header list as script builds it: forbidden names dropped; fetch keeps one entry per append
     * (the 1024-byte rule counts each), XHR's setRequestHeader combines a repeated name into one entry.
     */
    public static List<HeaderLine> headerList(List<HeaderLine> headers, Initiator api) {
        List<HeaderLine> list = new ArrayList<>();
        for (HeaderLine h : headers) {
            if (forbidden(h.name())) {
                continue;
            }
            HeaderLine entry = new HeaderLine(h.name().toLowerCase(Locale.ROOT), h.value().strip());
            int existing = api == Initiator.XHR ? indexOf(list, h.name()) : -1;
            if (existing < 0) {
                list.add(entry);
            } else {
                list.set(existing, new HeaderLine(entry.name(), list.get(existing).value() + ", " + entry.value()));
            }
        }
        return list;
    }

    private static int indexOf(List<HeaderLine> lines, String name) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** CORS-safelisted request-header (name, value), without the 1024-byte total rule. */
    public static boolean safelisted(String name, String value) {
        if (value.getBytes(StandardCharsets.UTF_8).length > VALUE_LIMIT) {
            return false;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "accept" -> noUnsafeByte(value);
            case "accept-language", "content-language" -> LANGUAGE.matcher(value).matches();
            case "content-type" -> noUnsafeByte(value) && essence(value)
                    .map(SAFELISTED_CONTENT_TYPES::contains).orElse(false);
            case "range" -> validRange(value);
            default -> false;
        };
    }

    /** A no-CORS-safelisted request-header: one of four names, with a CORS-safelisted value. */
    public static boolean noCorsSafelisted(String name, String value) {
        return Set.of("accept", "accept-language", "content-language", "content-type")
                .contains(name.toLowerCase(Locale.ROOT)) && safelisted(name, value);
    }

    /** CORS-unsafe request-header names: lowercase, sorted, without duplicates. */
    public static List<String> unsafeNames(List<HeaderLine> sent) {
        Set<String> unsafe = new TreeSet<>();
        int safelistedBytes = 0;
        List<String> safelistedNames = new ArrayList<>();
        for (HeaderLine h : sent) {
            if (safelisted(h.name(), h.value())) {
                safelistedBytes += h.value().getBytes(StandardCharsets.UTF_8).length;
                safelistedNames.add(h.name().toLowerCase(Locale.ROOT));
            } else {
                unsafe.add(h.name().toLowerCase(Locale.ROOT));
            }
        }
        if (safelistedBytes > TOTAL_LIMIT) {
            unsafe.addAll(safelistedNames);
        }
        return List.copyOf(unsafe);
    }

    static boolean noUnsafeByte(String value) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c < 0x20 && c != 0x09) || c == 0x7f || "\"():<>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The MIME type essence ("type/subtype", lowercase) of a Content-Type value, if it parses. */
    static java.util.Optional<String> essence(String value) {
        String trimmed = value.strip();
        int semicolon = trimmed.indexOf(';');
        String type = (semicolon < 0 ? trimmed : trimmed.substring(0, semicolon)).strip();
        if (!type.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(type.toLowerCase(Locale.ROOT));
    }

    static boolean validRange(String value) {
        var m = RANGE.matcher(value);
        if (!m.matches()) {
            return false;
        }
        if (m.group(2).isEmpty()) {
            return true;
        }
        return new java.math.BigInteger(m.group(1)).compareTo(new java.math.BigInteger(m.group(2))) <= 0;
    }

    /** Method normalization: only these six are upper-cased. */
    public static String normalizeMethod(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        return Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT").contains(upper) ? upper : method;
    }

    public static boolean safelistedMethod(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("POST");
    }
}
