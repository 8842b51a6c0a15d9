package dev.corssuite.suite.oracle;

import dev.corssuite.suite.request.Origin;

import java.net.URI;
import java.net.URISyntaxException;

/** Origins and hosts of the URLs the oracle follows. */
final class Urls {
    private Urls() {
    }

    static String originOf(String url) {
        return Origin.serializedOf(url);
    }

    static String hostOf(String origin) {
        return origin.equals(Origin.OPAQUE) ? origin : Origin.ofUrl(origin).host();
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
