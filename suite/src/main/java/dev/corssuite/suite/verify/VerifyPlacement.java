package dev.corssuite.suite.verify;

import dev.corssuite.suite.browser.SeleniumGrid;
import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.OriginAddresses;
import dev.corssuite.suite.runner.Shards;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where verify's browsers run and how they reach the suite's proxy: on this machine with the proxy on loopback, or on
 * a Selenium Grid's nodes, {@code sessions} per engine each running its share of the matrix, the proxy listening on
 * {@code bind} and named {@code proxyHost} in the browsers' proxy setting (the nodes must reach it there).
 */
public record VerifyPlacement(Optional<String> grid, int sessions, String bind, String proxyHost) {
    public static final VerifyPlacement LOCAL = new VerifyPlacement(Optional.empty(), 1, "127.0.0.1", "127.0.0.1");

    /**
     * From the command line's values, null where not given ({@code --advertise-host}'s first name is the proxy's);
     * throws IllegalArgumentException naming the option.
     */
    public static VerifyPlacement of(String grid, int sessions, String bind, String advertiseHost) {
        Shards.checkedSessions(sessions);
        String bindAddress = OriginAddresses.of(Optional.ofNullable(bind), Optional.empty()).bindAddress();
        String host = LOCAL.proxyHost();
        if (advertiseHost != null) {
            host = advertiseHost.split(",")[0].trim();
            if (!OriginAddresses.HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("--advertise-host " + advertiseHost + ": give the host name or "
                        + "IPv4 address the browsers reach this machine at (e.g. runner.example)");
            }
        }
        return new VerifyPlacement(Optional.ofNullable(grid), sessions, bindAddress, host);
    }

    /** The engines asked for, on the Grid when there is one; throws IllegalArgumentException if unusable. */
    EngineSelection engines(List<String> browsers) {
        return grid.map(url -> EngineSelection.onGrid(browsers, SeleniumGrid.connect(url)))
                .orElseGet(() -> EngineSelection.choose(browsers));
    }

    InetAddress bindAddress() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + " does not resolve", e);
        }
    }
}
