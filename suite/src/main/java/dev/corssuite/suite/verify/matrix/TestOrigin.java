package dev.corssuite.suite.verify.matrix;

import dev.corssuite.suite.request.Origin;

/**
 * An origin requests are sent from. {@code origin} is what the browser sends in {@code Origin}; {@code servedAt} is
 * the origin whose page runs them (differs only for {@code null}: a sandboxed frame served from {@code servedAt}).
 */
public record TestOrigin(String origin, OriginKind kind, String servedAt, String lookalikeOf) {
    public boolean hostile() {
        return kind != OriginKind.ALLOWED;
    }

    public boolean sandboxed() {
        return kind == OriginKind.NULL;
    }

    /** Host name the page server must answer for. */
    public String host() {
        return Origin.ofUrl(servedAt).host();
    }

    /** {@code host:port} of {@link #servedAt}, the port written out. */
    public String authority() {
        return Origin.ofUrl(servedAt).authority();
    }

    @Override
    public String toString() {
        return origin + " (" + kind.description() + (lookalikeOf == null ? "" : " of " + lookalikeOf) + ")";
    }
}
