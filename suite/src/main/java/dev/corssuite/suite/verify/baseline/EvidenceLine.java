package dev.corssuite.suite.verify.baseline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an evidence line of a finding points: the endpoint (the first path in the line, query dropped) and the
 * request's origin (null when the line names none, e.g. an answer's header that holds for every origin).
 */
public record EvidenceLine(String text, String endpoint, String origin) {
    private static final Pattern PATH = Pattern.compile("(?:^|\\s)(/[^\\s?]*)");
    private static final Pattern ORIGIN = Pattern.compile("Origin: (\\S+)");

    public static EvidenceLine parse(String text) {
        Matcher path = PATH.matcher(text);
        Matcher origin = ORIGIN.matcher(text);
        return new EvidenceLine(text, path.find() ? path.group(1) : null, origin.find() ? origin.group(1) : null);
    }
}
