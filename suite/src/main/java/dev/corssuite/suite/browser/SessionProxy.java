package dev.corssuite.suite.browser;

import java.util.Map;

/**
 * A forward proxy a browser session sends all its traffic through, loopback included, while accepting any
 * certificate. Used to serve pages at chosen origins inside the browser only; see {@code verify.proxy}.
 */
public record SessionProxy(String host, int port) {
    public String hostPort() {
        return host + ":" + port;
    }

    /** Firefox preferences for it, loopback included (Firefox never proxies loopback otherwise). */
    public Map<String, Object> firefoxPreferences() {
        return Map.of("network.proxy.type", 1,
                "network.proxy.http", host, "network.proxy.http_port", port,
                "network.proxy.ssl", host, "network.proxy.ssl_port", port,
                "network.proxy.no_proxies_on", "",
                "network.proxy.allow_hijacking_localhost", true);
    }
}
