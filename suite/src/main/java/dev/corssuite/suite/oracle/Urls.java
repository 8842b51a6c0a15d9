package dev.corssuite.suite.oracle;

import java.net.URI;
import java.net.URISyntaxException;

/** Origins and hosts of the URLs the oracle follows. */
final class Urls {
    private Urls() {
    }

    /** The serialized origin of an absolute URL (scheme://host:port), or the text itself for "null". */
    static String originOf(String url) {
        if (url.equals("null")) {
            return url;
        }
        URI uri = URI.create(url);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (uri.getScheme().equals("http") && port == 80)
                || (uri.getScheme().equals("https") && port == 443);
        return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }

    static String hostOf(String origin) {
        return origin.equals("null") ? origin : URI.create(origin).getHost();
    }

    /** Same site, as cookies see it here: the same host (loopback names have no registrable domain). */
    static boolean sameSite(String a, String b) {
        return hostOf(a).equals(hostOf(b));
    }

    static String withoutUserinfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null)
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
