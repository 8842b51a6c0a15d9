package dev.corssuite.suite.verify.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.verify.findings.Finding;
import dev.corssuite.suite.verify.findings.FindingKind;
import dev.corssuite.suite.verify.findings.Severity;
import org.testng.annotations.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/** The baseline file: schema-checked, each evidence line accepted or new, stale entries listed. */
public class BaselineTest {
    static final Path SCHEMA = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures/schema")
            .resolve("cors-baseline.schema.json");

    /** Evidence lines in the shapes FindingDetector writes them. */
    private static final Finding REFLECTED = new Finding(FindingKind.ORIGIN_REFLECTED, List.of(
            "GET /api/items with Origin: https://evil.example -> 200, Access-Control-Allow-Origin: https://evil"
                    + ".example, Access-Control-Allow-Credentials: true",
            "OPTIONS /api/items with Origin: https://evil.example -> 204, Access-Control-Allow-Origin: https://evil"
                    + ".example"));
    private static final Finding MAX_AGE = new Finding(FindingKind.MAX_AGE_ABOVE_CAPS, List.of(
            "OPTIONS /api/items -> Access-Control-Max-Age: 86400; honoured as 600 s in WebKit, 7200 s in Chromium, "
                    + "86400 s in Firefox"));
    private static final Finding NO_CORS = new Finding(FindingKind.NO_CORS_ON_ERRORS, List.of(
            "GET /api/items/cors-suite-missing with Origin: https://app.example.com -> 404, no CORS headers",
            "PUT /api/orders with Origin: https://app.example.com (credentialed) -> 500, no CORS headers"));

    @Test
    public void evidenceLinesNameTheirEndpointAndOrigin() {
        EvidenceLine line = EvidenceLine.parse(REFLECTED.evidence().get(0));
        assertEquals(line.endpoint(), "/api/items");
        assertEquals(line.origin(), "https://evil.example");
        EvidenceLine preflight = EvidenceLine.parse("OPTIONS /api/items?x=1 for PUT /api/items with Origin: null "
                + "-> 401, WWW-Authenticate: Basic");
        assertEquals(preflight.endpoint(), "/api/items");
        assertEquals(preflight.origin(), "null");
        assertNull(EvidenceLine.parse(MAX_AGE.evidence().get(0)).origin());
        assertEquals(preflight.methods(), java.util.Set.of("OPTIONS", "PUT"));
        assertEquals(line.methods(), java.util.Set.of("GET"));
    }

    @Test
    public void theBaselineAcceptsExactlyItsEntriesAndReportsStaleOnes() throws Exception {
        Path file = write("""
                accepted:
                  - kind: max-age-above-caps
                    endpoint: /api/items
                    reason: we cache preflights for a day on purpose
                  - kind: no-cors-on-errors
                    endpoint: /api/orders
                    origin: https://app.example.com
                    reason: the error pages come from the gateway, fixed in ticket 42
                  - kind: null-allowed
                    endpoint: /api/items
                    reason: sandboxed widget, removed last sprint
                """);
        Baseline baseline = Baseline.load(file, SCHEMA);
        Judgement judgement = baseline.judge(List.of(REFLECTED, MAX_AGE, NO_CORS));
        assertEquals(judgement.findings().size(), 3);
        Judgement.Judged reflected = judgement.findings().get(0);
        assertTrue(reflected.isNew());
        assertEquals(reflected.fresh(), REFLECTED.evidence());
        Judgement.Judged maxAge = judgement.findings().get(1);
        assertFalse(maxAge.isNew());
        assertEquals(maxAge.accepted(), MAX_AGE.evidence());
        Judgement.Judged noCors = judgement.findings().get(2);
        assertEquals(noCors.accepted(), List.of(NO_CORS.evidence().get(1)));
        assertEquals(noCors.fresh(), List.of(NO_CORS.evidence().get(0)), "another endpoint stays new");
        assertEquals(judgement.stale().size(), 1);
        assertEquals(judgement.stale().get(0).kind(), FindingKind.NULL_ALLOWED);
    }

    @Test
    public void anOriginLimitsTheEntryToThatOrigin() throws Exception {
        Path file = write("""
                accepted:
                  - kind: origin-reflected
                    endpoint: /api/items
                    origin: https://partner.example
                    reason: only the partner's origin is accepted
                """);
        Judgement judgement = Baseline.load(file, SCHEMA).judge(List.of(REFLECTED));
        assertTrue(judgement.findings().get(0).isNew());
        assertEquals(judgement.stale().size(), 1);
    }

    @Test
    public void aMethodLimitsTheEntryToThatMethodOrThePreflightAskingForIt() throws Exception {
        Path file = write("""
                accepted:
                  - kind: no-cors-on-errors
                    endpoint: /api/orders
                    method: PUT
                    reason: the gateway answers failed writes
                  - kind: origin-reflected
                    endpoint: /api/items
                    method: DELETE
                    reason: no such request is made, so this entry is stale
                """);
        Finding preflight = new Finding(FindingKind.NO_CORS_ON_ERRORS, List.of(
                "OPTIONS /api/orders for PUT /api/orders with Origin: https://app.example.com -> 500, no CORS headers",
                "POST /api/orders with Origin: https://app.example.com -> 500, no CORS headers"));
        Judgement judgement = Baseline.load(file, SCHEMA).judge(List.of(NO_CORS, preflight, REFLECTED));

        assertEquals(judgement.findings().get(0).accepted(), List.of(NO_CORS.evidence().get(1)));
        assertEquals(judgement.findings().get(1).accepted(), List.of(preflight.evidence().get(0)));
        assertEquals(judgement.findings().get(1).fresh(), List.of(preflight.evidence().get(1)), "POST stays new");
        assertTrue(judgement.findings().get(2).isNew(), "GET and OPTIONS lines are not DELETE");
        assertEquals(judgement.stale().stream().map(BaselineEntry::describe).toList(),
                List.of("origin-reflected on DELETE /api/items from any origin"));
    }

    @Test
    public void aBrokenBaselineNamesEveryProblem() throws Exception {
        Path file = write("""
                accepted:
                  - kind: origin-reflectd
                    endpoint: api/items
                    reason: typo
                  - kind: null-allowed
                    endpoint: /api/items
                """);
        InvalidInputException e = expectThrows(InvalidInputException.class, () -> Baseline.load(file, SCHEMA));
        String message = e.getMessage();
        assertTrue(message.contains("the baseline file"), message);
        assertTrue(message.contains("kind"), message);
        assertTrue(message.contains("endpoint"), message);
        assertTrue(message.contains("reason"), message);
        assertTrue(e.problems().size() >= 3, message);
    }

    @Test
    public void theSchemaNamesEveryFindingKind() throws Exception {
        JsonNode kinds = new ObjectMapper().readTree(SCHEMA.toFile()).at("/properties/accepted/items/properties/kind/enum");
        List<String> inSchema = new ArrayList<>();
        kinds.forEach(k -> inSchema.add(k.asText()));
        assertEquals(inSchema, Arrays.stream(FindingKind.values()).map(FindingKind::id).toList());
    }

    @Test
    public void aReflectedOriginWithCredentialsIsCritical() {
        assertEquals(Severity.of(REFLECTED), Severity.CRITICAL);
        Finding withoutCredentials = new Finding(FindingKind.ORIGIN_REFLECTED, List.of(
                "GET /api/items with Origin: https://evil.example -> 200, Access-Control-Allow-Origin: https://evil"
                        + ".example"));
        assertEquals(Severity.of(withoutCredentials), Severity.HIGH);
        assertEquals(Severity.of(MAX_AGE), Severity.INFO);
        assertTrue(Severity.HIGH.atLeast(Severity.MEDIUM));
        assertFalse(Severity.LOW.atLeast(Severity.MEDIUM));
        assertEquals(Severity.parse("High"), Severity.HIGH);
        expectThrows(IllegalArgumentException.class, () -> Severity.parse("urgent"));
    }

    private static Path write(String yaml) throws Exception {
        Path file = Files.createTempFile("baseline", ".yaml");
        Files.writeString(file, yaml);
        file.toFile().deleteOnExit();
        return file;
    }
}
