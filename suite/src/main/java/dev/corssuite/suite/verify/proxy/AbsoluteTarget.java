package dev.corssuite.suite.verify.proxy;

import java.util.Locale;

/**
 * An absolute-form request target ({@code http://host[:port]/path?query}) split by hand: {@link java.net.URI} drops
 * host names with characters such as {@code _}, which look-alike origins use on purpose.
 */
record AbsoluteTarget(String authority, String path, String query) {
    static final class NotAbsolute extends Exception {
        NotAbsolute(String target) {
            super("not an absolute URL: " + target);
        }
    }

    static AbsoluteTarget parse(String target) throws NotAbsolute {
        int schemeEnd = target.indexOf("://");
        if (schemeEnd < 0) {
            throw new NotAbsolute(target);
        }
        String scheme = target.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = target.substring(schemeEnd + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String hostPort = rest.substring(0, end).toLowerCase(Locale.ROOT);
        String pathAndQuery = rest.substring(end);
        int hash = pathAndQuery.indexOf('#');
        if (hash >= 0) {
            pathAndQuery = pathAndQuery.substring(0, hash);
        }
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? null : pathAndQuery.substring(question + 1);
        boolean hasPort = hostPort.lastIndexOf(':') > hostPort.lastIndexOf(']');
        String authority = hasPort ? hostPort : hostPort + ":" + (scheme.equals("https") ? 443 : 80);
        return new AbsoluteTarget(authority, path.isEmpty() ? "/" : path, query);
    }
}
