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

    /**
     * Firefox preferences for it, loopback included (Firefox never proxies loopback otherwise). Verify refuses many
     * WebSocket handshakes to one path within seconds, and Firefox alone delays each reconnect to a host, path and
     * port after a failure, 1.5 times longer per failure (RFC 6455 7.2.3; FailDelayManager in
     * netwerk/protocol/websocket/WebSocketChannel.cpp), so later handshakes would outwait their timeout before
     * reaching the server: the delay is off (what the server answers is unchanged).
     */
    public Map<String, Object> firefoxPreferences() {
        return Map.of("network.proxy.type", 1,
                "network.proxy.http", host, "network.proxy.http_port", port,
                "network.proxy.ssl", host, "network.proxy.ssl_port", port,
                "network.proxy.no_proxies_on", "",
                "network.proxy.allow_hijacking_localhost", true,
                "network.websocket.delay-failed-reconnects", false);
    }
}
