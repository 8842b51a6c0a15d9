package dev.corssuite.suite.run;

import dev.corssuite.origins.OriginFleet;
import dev.corssuite.origins.OriginRole;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the origins listen and which host names their URLs carry. By default they bind loopback as
 * {@code localhost} (page, cross-port) and {@code 127.0.0.1} (cross-host, redirect hop). For browsers on other
 * machines (a Selenium Grid) the user binds a reachable address ({@code --bind}) and names the host the browsers
 * use ({@code --advertise-host NAME[,OTHER]}); the cross-host roles need a second name for the same machine, which
 * is the first name's address unless given.
 */
public record OriginAddresses(String bindAddress, String pageHost, String crossHost) {
    /** A host name or IPv4 address as --advertise-host takes it. */
    public static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+");

    public static final OriginAddresses LOOPBACK = new OriginAddresses("127.0.0.1",
            OriginRole.PAGE.defaultHost(), OriginRole.CROSS_HOST.defaultHost());

    /** Throws IllegalArgumentException naming the option, the value and what to do. */
    public static OriginAddresses of(Optional<String> bind, Optional<String> advertise) {
        String bindAddress = bind.map(OriginAddresses::checkBind).orElse(LOOPBACK.bindAddress());
        if (advertise.isEmpty()) {
            return new OriginAddresses(bindAddress, LOOPBACK.pageHost(), LOOPBACK.crossHost());
        }
        List<String> hosts = Arrays.stream(advertise.get().split(",")).map(String::trim).toList();
        if (hosts.isEmpty() || hosts.size() > 2 || hosts.stream().anyMatch(h -> !HOST.matcher(h).matches())) {
            throw new IllegalArgumentException("--advertise-host " + advertise.get() + ": give one or two host names "
                    + "or IPv4 addresses, comma-separated (e.g. runner.example or runner.example,10.0.0.5)");
        }
        String page = hosts.get(0);
        String cross = hosts.size() == 2 ? hosts.get(1) : addressOf(page);
        if (page.equalsIgnoreCase(cross)) {
            throw new IllegalArgumentException("--advertise-host " + advertise.get() + ": the two hosts must differ, "
                    + "or the cross-host origins would equal the page's");
        }
        // Names only the browsers' machines resolve are not checked here.
        String pageSpace = addressSpace(page);
        String crossSpace = addressSpace(cross);
        if (pageSpace != null && crossSpace != null && !pageSpace.equals(crossSpace)) {
            throw new IllegalArgumentException("--advertise-host " + page + "," + cross + ": " + page + " is a "
                    + pageSpace + " address here and " + cross + " a " + crossSpace + " one; Chromium's Local Network "
                    + "Access blocks requests between them, so give two names for the same kind of address");
        }
        return new OriginAddresses(bindAddress, page.toLowerCase(Locale.ROOT), cross.toLowerCase(Locale.ROOT));
    }

    private static String addressSpace(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isLoopbackAddress()) {
                return "loopback";
            }
            return address.isSiteLocalAddress() || address.isLinkLocalAddress() ? "private" : "public";
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public OriginFleet.Builder applyTo(OriginFleet.Builder builder) {
        return builder.bindAddress(bindAddress)
                .host(OriginRole.PAGE, pageHost).host(OriginRole.CROSS_PORT, pageHost)
                .host(OriginRole.CROSS_HOST, crossHost).host(OriginRole.REDIRECT_HOP, crossHost);
    }

    private static String checkBind(String bind) {
        try {
            InetAddress address = InetAddress.getByName(bind);
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null) {
                return bind;
            }
        } catch (UnknownHostException | SocketException e) {
            throw new IllegalArgumentException("--bind " + bind + " does not resolve (" + e.getMessage() + "); give "
                    + "an address of this machine, e.g. 0.0.0.0 for all interfaces");
        }
        throw new IllegalArgumentException("--bind " + bind + " is not an address of this machine; give one of its "
                + "addresses, e.g. 0.0.0.0 for all interfaces");
    }

    private static String addressOf(String host) {
        if (host.matches("[0-9.]+")) {
            throw new IllegalArgumentException("--advertise-host " + host + " is an address; the cross-host origins "
                    + "need a second name for this machine: --advertise-host " + host + ",NAME");
        }
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--advertise-host " + host + " does not resolve here; give both hosts: "
                    + "--advertise-host " + host + ",ADDRESS");
        }
    }
}
