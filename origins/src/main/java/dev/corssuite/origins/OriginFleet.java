package dev.corssuite.origins;

import io.undertow.Handlers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The set of origins a run needs, one embedded server per {@link OriginRole}, all serving the pages folder and the
 * CORS endpoints. Start with {@link #builder()}; close to stop every server.
 */
public final class OriginFleet implements AutoCloseable {
    /** The name of the cookie a case sets on its endpoint's origin; its value is the case token. */
    public static final String COOKIE_NAME = CookieSetterHandler.NAME;
    private final Map<OriginRole, OriginServer> servers = new EnumMap<>(OriginRole.class);
    private final AnswerBook answers = new AnswerBook();
    private final RequestJournal journal = new RequestJournal();

    private OriginFleet(Builder builder) throws IOException {
        try {
            for (OriginRole role : OriginRole.values()) {
                var handler = Handlers.path(new StaticPagesHandler(builder.pages))
                        .addPrefixPath(CorsEndpointHandler.PREFIX,
                                new CorsEndpointHandler(role, answers, journal, Clock.systemUTC()))
                        .addPrefixPath(CookieSetterHandler.PREFIX, new CookieSetterHandler())
                        .addPrefixPath(MarkHandler.PREFIX, new MarkHandler(role, journal, Clock.systemUTC()));
                servers.put(role, new OriginServer(role, builder.bindAddress, builder.hosts.get(role), handler));
            }
            assertDistinct();
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private void assertDistinct() {
        Set<String> seen = new HashSet<>();
        for (OriginServer server : servers.values()) {
            if (!seen.add(server.origin())) {
                throw new IllegalStateException("two roles share the origin " + server.origin() + ": " + servers.values());
            }
        }
    }

    /** The serialized origin of a role, e.g. {@code http://localhost:41234}. */
    public String origin(OriginRole role) {
        return server(role).origin();
    }

    /** The absolute URL of a path on a role's origin. */
    public String url(OriginRole role, String path) {
        return origin(role) + (path.startsWith("/") ? path : "/" + path);
    }

    /** The path of the CORS endpoint for a token, the same on every origin. */
    public String endpointPath(String token) {
        return CorsEndpointHandler.PREFIX + token;
    }

    /** The URL of the CORS endpoint for a token on a role's origin. */
    public String endpointUrl(OriginRole role, String token) {
        return url(role, CorsEndpointHandler.PREFIX + token);
    }

    /** The URL that sets a case's cookie on a role's origin (see {@link #COOKIE_NAME}), with extra attributes. */
    public String cookieSetterUrl(OriginRole role, String token, String attributes) {
        return url(role, CookieSetterHandler.PREFIX + token) + "?"
                + java.net.URLEncoder.encode(attributes, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URL the probe calls between the requests of a multi-request case (see {@link RequestKind#MARK}). */
    public String markUrl(OriginRole role, String token) {
        return url(role, MarkHandler.PREFIX + token);
    }

    public AnswerBook answers() {
        return answers;
    }

    public RequestJournal journal() {
        return journal;
    }

    private OriginServer server(OriginRole role) {
        OriginServer server = servers.get(role);
        if (server == null) {
            throw new IllegalStateException("origin " + role.fileName() + " is not running");
        }
        return server;
    }

    @Override
    public void close() {
        servers.values().forEach(OriginServer::close);
        servers.clear();
    }

    @Override
    public String toString() {
        return "OriginFleet" + servers.values();
    }

    public static final class Builder {
        private Path pages;
        private String bindAddress = "127.0.0.1";
        private final Map<OriginRole, String> hosts = new EnumMap<>(OriginRole.class);

        private Builder() {
            for (OriginRole role : OriginRole.values()) {
                hosts.put(role, role.defaultHost());
            }
        }

        /** The folder every origin serves as static pages (the probe page lives there). */
        public Builder pages(Path pages) {
            this.pages = pages;
            return this;
        }

        /** The local address every server binds; loopback unless the user asks for more. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress);
            return this;
        }

        /** The host name a role's URLs use; it must resolve to the bind address in the browser. */
        public Builder host(OriginRole role, String host) {
            hosts.put(role, Objects.requireNonNull(host));
            return this;
        }

        public OriginFleet start() {
            if (pages == null || !Files.isDirectory(pages)) {
                throw new IllegalArgumentException("pages folder " + pages + " does not exist");
            }
            try {
                return new OriginFleet(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the origins: " + e.getMessage(), e);
            }
        }
    }
}
