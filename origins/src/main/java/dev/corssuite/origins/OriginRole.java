package dev.corssuite.origins;

import java.util.Locale;

/** The part an origin plays in a case. Code asks the fleet for a role's URL; nobody builds URLs from ports. */
public enum OriginRole {
    /** Serves the probe page; requests start here. */
    PAGE("localhost"),
    /** Same host as the page, another port. */
    CROSS_PORT("localhost"),
    /** Another host name for the same loopback interface. */
    CROSS_HOST("127.0.0.1"),
    /** A further origin for redirect chains. */
    REDIRECT_HOP("127.0.0.1");

    private final String defaultHost;

    OriginRole(String defaultHost) {
        this.defaultHost = defaultHost;
    }

    public String defaultHost() {
        return defaultHost;
    }

    /** The name used in case files: {@code cross-port} for {@link #CROSS_PORT}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OriginRole fromFileName(String name) {
        for (OriginRole role : values()) {
            if (role.fileName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown origin role '" + name + "'");
    }
}
