package dev.corssuite.suite.table;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where an engine's deviation may be documented: the engine's own bug tracker or a source file of the engine. A
 * web-platform-tests or spec pull request, a status page or a sample repository's thread does not say that the
 * engine differs on purpose, nor that its makers know.
 */
public final class EngineSource {
    /** Hosts (and, for shared hosts, path prefixes) of each engine's bug tracker and source. */
    private static final Map<String, List<String>> PLACES = Map.of(
            "chromium", List.of("bugs.chromium.org/", "issues.chromium.org/", "crbug.com/",
                    "chromium.googlesource.com/", "source.chromium.org/", "github.com/chromium/chromium/"),
            "firefox", List.of("bugzilla.mozilla.org/", "searchfox.org/mozilla-central/", "searchfox.org/firefox-main/",
                    "hg.mozilla.org/", "github.com/mozilla/gecko-dev/", "github.com/mozilla-firefox/firefox/"),
            "webkit", List.of("bugs.webkit.org/", "github.com/webkit/webkit/", "trac.webkit.org/",
                    "commits.webkit.org/", "searchfox.org/wubkat/"));
    /** Copies of web-platform-tests inside engine repositories: tests, not the engine. */
    private static final List<String> TEST_COPIES = List.of("web-platform-tests", "/web-platform/", "/web_tests/",
            "/layouttests/");

    private EngineSource() {
    }

    /** Why {@code url} is not a place documenting {@code engine}'s behaviour, or empty when it is. */
    public static Optional<String> refusal(String engine, String url) {
        String place;
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return Optional.of("'" + url + "' is not an https URL");
            }
            place = (uri.getHost() + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()))
                    .toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return Optional.of("'" + url + "' does not parse as a URL");
        }
        List<String> places = PLACES.getOrDefault(engine, List.of());
        if (places.stream().noneMatch(place::startsWith) || TEST_COPIES.stream().anyMatch(place::contains)) {
            return Optional.of("'" + url + "' is not " + engine + "'s bug tracker or source (one of "
                    + String.join(", ", places) + "): cite the engine's bug entry or the source file that "
                    + "implements the behaviour, not a test, spec or status page");
        }
        return Optional.empty();
    }
}
