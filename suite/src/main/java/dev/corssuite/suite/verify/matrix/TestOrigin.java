package dev.corssuite.suite.verify.matrix;

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

    /** Host name the page server must answer for (split by hand: {@link java.net.URI} drops hosts with "_"). */
    public String host() {
        String authority = servedAt.substring(servedAt.indexOf("://") + 3);
        int colon = authority.lastIndexOf(':');
        return colon <= authority.lastIndexOf(']') ? authority : authority.substring(0, colon);
    }

    /** {@code host:port} of {@link #servedAt}, the port written out. */
    public String authority() {
        String authority = servedAt.substring(servedAt.indexOf("://") + 3);
        return authority.lastIndexOf(':') > authority.lastIndexOf(']') ? authority
                : authority + ":" + (servedAt.startsWith("https:") ? 443 : 80);
    }

    @Override
    public String toString() {
        return origin + " (" + kind.description() + (lookalikeOf == null ? "" : " of " + lookalikeOf) + ")";
    }
}
