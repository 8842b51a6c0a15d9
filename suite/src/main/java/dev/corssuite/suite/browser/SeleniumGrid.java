package dev.corssuite.suite.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Selenium Grid the browsers run on, as its {@code /status} answered once: whether it is ready and which browser
 * names its nodes offer. An unreachable or unready Grid is one clear error, before any case runs.
 */
public final class SeleniumGrid {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI address;
    private final Set<String> offered;

    private SeleniumGrid(URI address, Set<String> offered) {
        this.address = address;
        this.offered = offered;
    }

    /** Asks the Grid at {@code url} for its status; throws IllegalArgumentException saying what is wrong. */
    public static SeleniumGrid connect(String url) {
        URI address;
        try {
            address = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            address.toURL();
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("--grid " + url + " is not a URL (e.g. http://grid.example:4444)");
        }
        if (!"http".equals(address.getScheme()) && !"https".equals(address.getScheme())) {
            throw new IllegalArgumentException("--grid " + url + " must be an http(s) URL (e.g. http://grid.example:4444)");
        }
        JsonNode status;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(address + "/status"))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("Selenium Grid at " + address + " answered /status with HTTP "
                        + response.statusCode() + "; is this the Grid's address (hub or standalone, port 4444 by default)?");
            }
            status = new ObjectMapper().readTree(response.body()).path("value");
        } catch (IOException e) {
            throw new IllegalArgumentException("Selenium Grid at " + address + " is not reachable (" + describe(e)
                    + "); start it or check --grid");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the Grid for its status", e);
        }
        if (!status.path("ready").asBoolean(false)) {
            throw new IllegalArgumentException("Selenium Grid at " + address + " is not ready: "
                    + status.path("message").asText("no message") + "; wait until a node has registered");
        }
        Set<String> offered = new TreeSet<>();
        for (JsonNode node : status.path("nodes")) {
            for (JsonNode slot : node.path("slots")) {
                offered.add(slot.path("stereotype").path("browserName").asText());
            }
        }
        return new SeleniumGrid(address, offered);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    public URL url() {
        try {
            return address.toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean offers(String browserName) {
        return offered.contains(browserName);
    }

    public Set<String> offered() {
        return offered;
    }

    @Override
    public String toString() {
        return "Selenium Grid " + address;
    }
}
