package dev.corssuite.suite.request;

import dev.corssuite.origins.HeaderLine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/** The enums, the schema and the probe page name the same initiators and modes; origins parse as browsers send them. */
public class RequestModelTest {
    private static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");

    private static List<String> schemaEnum(String property) throws IOException {
        JsonNode schema = new ObjectMapper().readTree(FIXTURES.resolve("schema").resolve("case-file.schema.json")
                .toFile());
        List<String> values = new ArrayList<>();
        schema.path("$defs").path("request").path("properties").path(property).path("enum")
                .forEach(v -> values.add(v.asText()));
        return values;
    }

    private static <E extends Enum<E>> List<String> names(E[] values, Function<E, String> fileName) {
        return Arrays.stream(values).map(fileName).toList();
    }

    @Test
    public void theSchemaListsExactlyTheEnumsValues() throws IOException {
        assertEquals(schemaEnum("api"), names(Initiator.values(), Initiator::fileName));
        assertEquals(schemaEnum("credentials"), names(CredentialsMode.values(), CredentialsMode::fileName));
        assertEquals(schemaEnum("mode"), names(RequestMode.values(), RequestMode::fileName));
        assertEquals(schemaEnum("crossorigin"), names(CorsSetting.values(), CorsSetting::fileName));
    }

    @Test
    public void theSchemaTheFetchOptionsAndTheProbePageNameTheSameBodyKindsAndModes() throws IOException {
        assertEquals(schemaEnum("bodyKind"), names(FetchOptions.BodyKind.values(), FetchOptions.BodyKind::fileName));
        assertEquals(schemaEnum("redirect"),
                names(FetchOptions.RedirectMode.values(), FetchOptions.RedirectMode::fileName));
        assertEquals(schemaEnum("cache"), names(FetchOptions.CacheMode.values(), FetchOptions.CacheMode::fileName));
        String probe = Files.readString(FIXTURES.resolve("pages").resolve("probe.js"));
        for (FetchOptions.BodyKind kind : FetchOptions.BodyKind.values()) {
            if (kind != FetchOptions.BodyKind.STRING) {
                assertTrue(probe.contains("c.bodyKind === '" + kind.fileName() + "'"), "probe.js builds " + kind);
            }
        }
        assertTrue(probe.contains("redirect: c.redirect") && probe.contains("cache: c.cache"),
                "probe.js passes redirect and cache to fetch");
    }

    @Test
    public void fetchOptionsOnlyWhereTheApiHasThem() {
        var blob = new FetchOptions(FetchOptions.BodyKind.BLOB, "application/json", null, null);
        var manual = new FetchOptions(null, null, FetchOptions.RedirectMode.MANUAL, FetchOptions.CacheMode.NO_CACHE);
        RequestSpec xhrBlob = new RequestSpec(Initiator.XHR, "POST", List.of(), "{}", false,
                CredentialsMode.SAME_ORIGIN, RequestMode.CORS, false, null, 5000, blob);
        RequestSpec xhrManual = new RequestSpec(Initiator.XHR, "GET", List.of(), null, false,
                CredentialsMode.SAME_ORIGIN, RequestMode.CORS, false, null, 5000, manual);
        RequestSpec fetchBlobNoBody = new RequestSpec(Initiator.FETCH, "POST", List.of(), null, false,
                CredentialsMode.SAME_ORIGIN, RequestMode.CORS, false, null, 5000, blob);
        assertTrue(Initiator.XHR.problems(xhrBlob).isEmpty(), Initiator.XHR.problems(xhrBlob).toString());
        assertEquals(Initiator.XHR.problems(xhrManual).size(), 2);
        assertTrue(Initiator.FETCH.problems(fetchBlobNoBody).get(0).startsWith("bodyKind:"));
        assertEquals(blob.bodyContentType(), "application/json");
        assertEquals(new FetchOptions(FetchOptions.BodyKind.BLOB, "", null, null).bodyContentType(), null);
    }

    @Test
    public void theProbePageHasOneFunctionPerInitiator() throws IOException {
        String probe = Files.readString(FIXTURES.resolve("pages").resolve("probe.js"));
        Matcher dispatch = Pattern.compile("const INITIATORS = \\{([^}]*)}").matcher(probe);
        assertTrue(dispatch.find(), "probe.js names its initiators in one INITIATORS map");
        List<String> inPage = Arrays.stream(dispatch.group(1).split(",")).map(e -> e.split(":")[0].strip())
                .filter(s -> !s.isEmpty()).toList();
        assertEquals(inPage, names(Initiator.values(), Initiator::fileName));
    }

    @Test
    public void eachInitiatorRefusesWhatItCannotExpress() {
        RequestSpec xhrOmit = new RequestSpec(Initiator.XHR, "GET", List.of(), null, false, CredentialsMode.OMIT,
                RequestMode.CORS, false, null, 5000);
        assertEquals(xhrOmit.api().problems(xhrOmit).size(), 1);
        assertTrue(xhrOmit.api().problems(xhrOmit).get(0).startsWith("credentials: "));
        RequestSpec fetchUpload = new RequestSpec(Initiator.FETCH, "POST", List.of(), "x", false,
                CredentialsMode.OMIT, RequestMode.NO_CORS, true, null, 5000);
        assertEquals(fetchUpload.api().problems(fetchUpload), List.of("uploadListener: only XHR has an upload listener"));
        assertEquals(element(Initiator.XHR, null).effectiveCredentials(), CredentialsMode.SAME_ORIGIN);
        RequestSpec fetchOmit = new RequestSpec(Initiator.FETCH, "GET", List.of(), null, false, CredentialsMode.OMIT,
                RequestMode.NO_CORS, false, null, 5000);
        assertEquals(fetchOmit.effectiveCredentials(), CredentialsMode.OMIT);
        assertEquals(fetchOmit.effectiveMode(), RequestMode.NO_CORS);
        RequestSpec imgPost = new RequestSpec(Initiator.IMG, "POST", List.of(), "x", false, CredentialsMode.INCLUDE,
                RequestMode.CORS, false, null, 5000);
        assertEquals(imgPost.api().problems(imgPost), List.of("credentials: img takes it from crossorigin",
                "method: img sends a GET without script-set headers or body"));
        RequestSpec font = element(Initiator.FONT, CorsSetting.ANONYMOUS);
        assertEquals(font.api().problems(font), List.of("crossorigin: font has no crossorigin attribute"));
        RequestSpec fetchAttribute = element(Initiator.FETCH, CorsSetting.ANONYMOUS);
        assertEquals(fetchAttribute.api().problems(fetchAttribute),
                List.of("crossorigin: only elements (img, script, module, stylesheet) have it"));
    }

    /** HTML "CORS settings attributes": the mode and credentials mode each element's attribute state gives. */
    @Test
    public void anElementsCrossoriginGivesItsModeAndCredentials() {
        for (Initiator classic : List.of(Initiator.IMG, Initiator.SCRIPT, Initiator.STYLESHEET)) {
            assertEquals(element(classic, null).effectiveMode(), RequestMode.NO_CORS, classic.fileName());
            assertEquals(element(classic, null).effectiveCredentials(), CredentialsMode.INCLUDE);
            assertTrue(classic.observesTainting());
        }
        assertEquals(element(Initiator.MODULE, null).effectiveMode(), RequestMode.CORS);
        assertEquals(element(Initiator.MODULE, null).effectiveCredentials(), CredentialsMode.SAME_ORIGIN);
        assertEquals(element(Initiator.IMG, CorsSetting.ANONYMOUS).effectiveMode(), RequestMode.CORS);
        assertEquals(element(Initiator.IMG, CorsSetting.ANONYMOUS).effectiveCredentials(),
                CredentialsMode.SAME_ORIGIN);
        assertEquals(element(Initiator.SCRIPT, CorsSetting.USE_CREDENTIALS).effectiveCredentials(),
                CredentialsMode.INCLUDE);
        assertEquals(element(Initiator.FONT_FACE, null).effectiveMode(), RequestMode.CORS);
        assertEquals(element(Initiator.FONT, null).effectiveCredentials(), CredentialsMode.SAME_ORIGIN);
        assertFalse(Initiator.FONT.observesResponse() || Initiator.FONT.observesTainting());
        assertEquals(element(Initiator.WORKER, null).effectiveMode(), RequestMode.SAME_ORIGIN);
        assertEquals(element(Initiator.IMPORT_SCRIPTS, null).effectiveMode(), RequestMode.NO_CORS);
        assertEquals(element(Initiator.IMPORT_SCRIPTS, null).effectiveCredentials(), CredentialsMode.INCLUDE);
        assertEquals(element(Initiator.WORKER_IMPORT, null).effectiveMode(), RequestMode.CORS);
        assertTrue(Initiator.WEBSOCKET.webSocket());
        assertEquals(element(Initiator.WEBSOCKET, null).effectiveCredentials(), CredentialsMode.INCLUDE);
    }

    /** Beacon: a CORS-safelisted (or no) body type is no-cors, another is cors; credentials always included. */
    @Test
    public void aBeaconsModeFollowsItsContentType() {
        RequestSpec text = beacon(List.of());
        RequestSpec form = beacon(List.of(new HeaderLine("Content-Type", "application/x-www-form-urlencoded")));
        RequestSpec json = beacon(List.of(new HeaderLine("Content-Type", "application/json")));
        assertEquals(text.effectiveMode(), RequestMode.NO_CORS);
        assertEquals(form.effectiveMode(), RequestMode.NO_CORS);
        assertEquals(json.effectiveMode(), RequestMode.CORS);
        assertEquals(json.effectiveCredentials(), CredentialsMode.INCLUDE);
        assertTrue(json.api().problems(json).isEmpty(), json.api().problems(json).toString());
        assertFalse(Initiator.BEACON.observesAnswer());
        RequestSpec get = new RequestSpec(Initiator.BEACON, "GET", List.of(), null, false, CredentialsMode.SAME_ORIGIN,
                RequestMode.CORS, false, null, 5000);
        assertEquals(get.api().problems(get), List.of("method: a beacon is always a POST; write method: POST"));
    }

    private static RequestSpec beacon(List<HeaderLine> headers) {
        return new RequestSpec(Initiator.BEACON, "POST", headers, "{}", false, CredentialsMode.SAME_ORIGIN,
                RequestMode.CORS, false, null, 5000);
    }

    private static RequestSpec element(Initiator api, CorsSetting crossorigin) {
        return new RequestSpec(api, "GET", List.of(), null, false, CredentialsMode.SAME_ORIGIN, RequestMode.CORS,
                false, crossorigin, 5000);
    }

    @Test
    public void originsSerializeAsBrowsersSendThem() {
        assertEquals(Origin.ofUrl("HTTP://Example.COM:80/a?b").serialize(), "http://example.com");
        assertEquals(Origin.ofUrl("https://example.com:8443").serialize(), "https://example.com:8443");
        assertEquals(Origin.ofUrl("http://user:pw@localhost:8080/x").authority(), "localhost:8080");
        assertEquals(Origin.ofUrl("http://[::1]:3000/").host(), "[::1]");
        assertEquals(Origin.ofUrl("http://[::1]:3000").port(), 3000);
        assertEquals(Origin.ofUrl("https://app.example.com_.evil.test").host(), "app.example.com_.evil.test");
        assertEquals(Origin.ofUrl("https://a.test").authority(), "a.test:443");
        assertEquals(Origin.ofUrl("http://a.test:8080").withScheme("https").serialize(), "https://a.test:8080");
        assertEquals(Origin.serializedOf(Origin.OPAQUE), "null");
        expectThrows(IllegalArgumentException.class, () -> Origin.ofUrl("localhost:8080"));
        expectThrows(IllegalArgumentException.class, () -> Origin.ofUrl("http://a.test:99999"));
        expectThrows(IllegalArgumentException.class, () -> Origin.ofUrl("http://[::1"));
    }
}
