package dev.corssuite.suite.verify.baseline;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an evidence line of a finding points: the endpoint (the first path in the line, query dropped), the
 * request's origin (null when the line names none, e.g. an answer's header that holds for every origin) and its
 * methods: the line's own method and, for a preflight, the method it asks for ("OPTIONS /a for PUT /a").
 */
public record EvidenceLine(String text, String endpoint, String origin, Set<String> methods) {
    private static final Pattern PATH = Pattern.compile("(?:^|\\s)(/[^\\s?]*)");
    private static final Pattern ORIGIN = Pattern.compile("Origin: (\\S+)");
    private static final Pattern METHOD = Pattern.compile("(?:^|\\sfor )([A-Z]+) /");

    public EvidenceLine {
        methods = Set.copyOf(methods);
    }

    public static EvidenceLine parse(String text) {
        Matcher path = PATH.matcher(text);
        Matcher origin = ORIGIN.matcher(text);
        Set<String> methods = new LinkedHashSet<>();
        for (Matcher m = METHOD.matcher(text); m.find(); ) {
            methods.add(m.group(1));
        }
        return new EvidenceLine(text, path.find() ? path.group(1) : null, origin.find() ? origin.group(1) : null,
                methods);
    }
}
