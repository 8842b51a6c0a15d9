package dev.corssuite.suite.table;

import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.documents.Problem;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.request.CredentialsMode;
import dev.corssuite.suite.request.Initiator;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

public class CaseTableTest {
    private static final Path FIXTURES = Path.of(System.getProperty("cors.root", "..")).resolve("fixtures");
    private static final Path SCHEMA = FIXTURES.resolve("schema").resolve("case-file.schema.json");

    private static final String GOOD_ROW = """
              - id: good
                description: A GET is readable with Access-Control-Allow-Origin *
                spec: https://fetch.spec.whatwg.org/#concept-cors-check
                server:
                  actual:
                    headers:
                      - Access-Control-Allow-Origin: "*"
                request: {to: cross-port}
                expect: {verdict: ALLOWED}
            """;

    private Path cases;

    @BeforeMethod
    public void folder() throws IOException {
        cases = Files.createTempDirectory("cases");
    }

    private void write(String file, String body) throws IOException {
        Files.writeString(cases.resolve(file), body);
    }

    private InvalidInputException refused() {
        return expectThrows(InvalidInputException.class, () -> CaseTable.load(cases, SCHEMA));
    }

    @Test
    public void theProjectTableLoads() {
        CaseTable table = CaseTable.load(FIXTURES);
        assertTrue(table.size() >= 20, "rows: " + table.size());
        table.cases().forEach(c -> assertTrue(c.spec().startsWith("https://"), c.id()));
    }

    @Test
    public void aWellFormedFileLoadsWithDefaults() throws IOException {
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW);
        CorsCase row = CaseTable.load(cases, SCHEMA).byId("good");
        assertEquals(row.request().spec().method(), "GET");
        assertEquals(row.request().spec().api(), Initiator.FETCH);
        assertEquals(row.request().spec().credentials(), CredentialsMode.SAME_ORIGIN);
        assertEquals(row.actual().headers().get(0).value(), "*");
        assertEquals(row.preflight(), Answer.NONE);
    }

    /** A binary body is read from the bodies folder next to the cases and carried in base64; a missing one is named. */
    @Test
    public void aBodyFileIsReadFromTheBodiesFolderNextToTheCases() throws IOException {
        Path root = Files.createTempDirectory("fixtures");
        Path folder = Files.createDirectory(root.resolve("cases"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        Files.write(Files.createDirectory(root.resolve("bodies")).resolve("pixel.png"), png);
        String imageRow = GOOD_ROW.replace("      - Access-Control-Allow-Origin: \"*\"\n",
                "      - Access-Control-Allow-Origin: \"*\"\n        bodyFile: pixel.png\n")
                .replace("{to: cross-port}", "{to: cross-port, api: img, crossorigin: anonymous}");
        Files.writeString(folder.resolve("area-a.yaml"), "area: area-a\ntitle: A\ncases:\n" + imageRow);
        CorsCase row = CaseTable.load(folder, SCHEMA).byId("good");
        assertTrue(row.actual().base64Body());
        assertEquals(java.util.Base64.getDecoder().decode(row.actual().body()), png);
        assertEquals(row.actual().bodyLength(), png.length);
        assertEquals(row.request().spec().crossorigin(), dev.corssuite.suite.request.CorsSetting.ANONYMOUS);

        Files.writeString(folder.resolve("area-a.yaml"), "area: area-a\ntitle: A\ncases:\n"
                + imageRow.replace("pixel.png", "missing.png"));
        List<Problem> problems = expectThrows(InvalidInputException.class,
                () -> CaseTable.load(folder, SCHEMA)).problems();
        assertEquals(problems.get(0).field(), "server.actual.bodyFile", problems.toString());
    }

    @Test
    public void anElementRefusesWhatOnlyScriptCanAsk() throws IOException {
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW
                .replace("{to: cross-port}", "{to: cross-port, api: img, credentials: include, method: POST}"));
        List<Problem> problems = refused().problems();
        assertTrue(problems.stream().anyMatch(p -> Objects.equals(p.field(), "request.credentials")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> Objects.equals(p.field(), "request.method")), problems.toString());
    }

    @Test
    public void aBadFieldIsNamedWithFileRowAndField() throws IOException {
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW.replace("verdict: ALLOWED", "verdict: MAYBE"));
        Problem problem = refused().problems().get(0);
        assertEquals(problem.file(), "area-a.yaml");
        assertEquals(problem.row(), "good");
        assertEquals(problem.field(), "expect.verdict");
        assertTrue(problem.toString().contains("area-a.yaml, row good, field expect.verdict"), problem.toString());
    }

    @Test
    public void everyProblemIsReportedAtOnceAcrossFiles() throws IOException {
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW
                .replace("    spec: https://fetch.spec.whatwg.org/#concept-cors-check\n", "")
                .replace("to: cross-port", "to: mars"));
        write("area-b.yaml", "area: area-b\ntitle: B\ncases:\n" + GOOD_ROW.replace("id: good", "id: other")
                .replace("\"*\"", "true"));
        List<Problem> problems = refused().problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("area-a.yaml") && Objects.equals(p.field(), "spec")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("area-a.yaml") && Objects.equals(p.field(), "request.to")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("area-b.yaml") && p.row().equals("other")
                && String.valueOf(p.field()).startsWith("server.actual.headers[0]")), problems.toString());
    }

    @Test
    public void aRowWithoutIdIsNamedByPosition() throws IOException {
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW.replace("- id: good\n    description", "- description"));
        Problem problem = refused().problems().get(0);
        assertEquals(problem.row(), "#1 (no id)");
        assertEquals(problem.field(), "id");
    }

    @Test
    public void duplicateIdsAndDescriptionsAreRefused() throws IOException {
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW);
        write("area-b.yaml", "area: area-b\ntitle: B\ncases:\n" + GOOD_ROW);
        List<Problem> problems = refused().problems();
        assertTrue(problems.stream().anyMatch(p -> Objects.equals(p.field(), "id") && p.message().contains("area-a.yaml")));
        assertTrue(problems.stream().anyMatch(p -> Objects.equals(p.field(), "description")));
    }

    @Test
    public void aNegativeRowNeedsAnAllowedControl() throws IOException {
        String negative = GOOD_ROW.replace("id: good", "id: bad").replace("verdict: ALLOWED", "verdict: BLOCKED_AT_RESPONSE")
                .replace("with Access-Control-Allow-Origin *", "with another origin allowed")
                .replace("\"*\"", "\"http://other.example\"");
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW + negative);
        assertEquals(refused().problems().get(0).field(), "control");

        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW + negative.replace("    request:",
                "    control: nowhere\n    request:"));
        assertTrue(refused().problems().get(0).message().contains("'nowhere', which is no row"));

        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW + negative.replace("    request:",
                "    control: good\n    request:"));
        assertEquals(CaseTable.load(cases, SCHEMA).byId("bad").control(), "good");
    }

    @Test
    public void aControlDiffersInExactlyOneThing() throws IOException {
        String twoThings = GOOD_ROW.replace("id: good", "id: bad").replace("verdict: ALLOWED", "verdict: BLOCKED_AT_RESPONSE")
                .replace("with Access-Control-Allow-Origin *", "with another origin allowed")
                .replace("\"*\"", "\"http://other.example\"").replace("{to: cross-port}", "{to: cross-host}")
                .replace("    request:", "    control: good\n    request:");
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW + twoThings);
        Problem problem = refused().problems().get(0);
        assertEquals(problem.field(), "control");
        assertTrue(problem.message().contains("they differ in 2: request.to, server.actual.headers"), problem.message());

        String same = GOOD_ROW.replace("id: good", "id: bad").replace("verdict: ALLOWED", "verdict: BLOCKED_AT_RESPONSE")
                .replace("is readable", "is not readable").replace("    request:", "    control: good\n    request:");
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW + same);
        assertTrue(refused().problems().stream().anyMatch(p -> p.message().contains("they are identical")));
    }

    @Test
    public void twoRowsRunningTheSameExperimentAreRefused() throws IOException {
        String reworded = GOOD_ROW.replace("id: good", "id: reworded")
                .replace("A GET is readable", "A plain GET can be read")
                .replace("expect: {verdict: ALLOWED}", "expect: {verdict: ALLOWED, status: 200}");
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW);
        write("area-b.yaml", "area: area-b\ntitle: B\ncases:\n" + reworded);
        List<Problem> problems = refused().problems();
        assertEquals(problems.size(), 1, problems.toString());
        assertEquals(problems.get(0).row(), "reworded");
        assertTrue(problems.get(0).message().contains("same server answers and requests as row good in area-a.yaml"),
                problems.get(0).message());

        // Defaults count as written: the same request spelled out differs in nothing.
        write("area-b.yaml", "area: area-b\ntitle: B\ncases:\n" + reworded.replace("{to: cross-port}",
                "{to: cross-port, from: page, method: GET, api: fetch, credentials: same-origin}"));
        assertEquals(refused().problems().get(0).row(), "reworded");

        // One header value apart is another experiment.
        write("area-b.yaml", "area: area-b\ntitle: B\ncases:\n" + reworded.replace("\"*\"", "\"{origin:page}\""));
        assertEquals(CaseTable.load(cases, SCHEMA).size(), 2);
    }

    @Test
    public void descriptionsArePresentTense() throws IOException {
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW.replace("A GET is readable", "A GET should be readable"));
        Problem problem = refused().problems().get(0);
        assertEquals(problem.field(), "description");
        assertTrue(problem.message().contains("should"));
    }

    @Test
    public void unknownPlaceholderRoleIsRefused() throws IOException {
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW.replace("\"*\"", "\"{origin:moon}\""));
        Problem problem = refused().problems().get(0);
        assertEquals(problem.field(), "server.actual.headers[0]");
        assertTrue(problem.message().contains("moon"));
    }

    @Test
    public void areaMustMatchFileNameAndYamlErrorsNameTheFile() throws IOException {
        write("area-a.yaml", "area: area-z\ntitle: A\ncases:\n" + GOOD_ROW);
        write("broken.yaml", "area: [unclosed\n");
        List<Problem> problems = refused().problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("area-a.yaml") && Objects.equals(p.field(), "area")));
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("broken.yaml") && p.message().contains("YAML")));
    }

    private static String withDeviation(String engine, String source) {
        return GOOD_ROW.replace("    expect: {verdict: ALLOWED}", "    expect: {verdict: ALLOWED}\n    deviations:\n      "
                + engine + ":\n        source: " + source + "\n        verdict: BLOCKED_AT_RESPONSE\n");
    }

    @Test
    public void aDeviationSourceIsTheEnginesTrackerOrSource() throws IOException {
        for (String[] notTheEngine : new String[][] {
                {"firefox", "https://github.com/web-platform-tests/wpt/pull/23176"},
                {"firefox", "https://github.com/whatwg/fetch/pull/736"},
                {"webkit", "https://github.com/whatwg/fetch/issues/1919"},
                {"chromium", "https://chromestatus.com/feature/5742041264816128"},
                {"chromium", "https://github.com/GoogleChromeLabs/samesite-examples/issues/55"},
                {"chromium", "https://bugzilla.mozilla.org/show_bug.cgi?id=1687364"},
                {"firefox", "https://searchfox.org/mozilla-central/source/testing/web-platform/tests/cors/a.htm"},
                {"chromium", "https://source.chromium.org/chromium/chromium/src/+/main:third_party/blink/web_tests/"
                        + "external/wpt/cors/a.htm"},
                {"webkit", "https://github.com/WebKit/WebKit/blob/main/LayoutTests/imported/w3c/web-platform-tests/a.htm"}}) {
            write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + withDeviation(notTheEngine[0], notTheEngine[1]));
            Problem problem = refused().problems().get(0);
            assertEquals(problem.field(), "deviations." + notTheEngine[0] + ".source", notTheEngine[1]);
            assertTrue(problem.message().contains("is not " + notTheEngine[0] + "'s bug tracker or source"),
                    problem.message());
        }
        for (String[] fine : new String[][] {
                {"chromium", "https://issues.chromium.org/issues/40505032"},
                {"chromium", "https://source.chromium.org/chromium/chromium/src/+/main:services/network/cors/cors_url_loader.cc"},
                {"firefox", "https://bugzilla.mozilla.org/show_bug.cgi?id=1387483"},
                {"firefox", "https://searchfox.org/mozilla-central/source/netwerk/protocol/http/nsCORSListenerProxy.cpp"},
                {"webkit", "https://bugs.webkit.org/show_bug.cgi?id=203617"},
                {"webkit", "https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginPreflightResultCache.cpp"}}) {
            write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + withDeviation(fine[0], fine[1]));
            assertEquals(CaseTable.load(cases, SCHEMA).byId("good").deviation(fine[0]).orElseThrow().source(), fine[1]);
        }
    }

    private static final String SPLIT = """
                specWptSplit:
                  wpt: https://github.com/web-platform-tests/wpt/blob/master/cors/preflight-cache.htm
                  test: age = -1, should not be cached
                  expect: {verdict: BLOCKED_AT_RESPONSE}
                  engines: {chromium: wpt, firefox: spec, webkit: wpt}
            """;

    @Test
    public void aSpecWptSplitNamesTheWptTestAndEachEnginesSide() throws IOException {
        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW + SPLIT);
        CorsCase row = CaseTable.load(cases, SCHEMA).byId("good");
        SpecWptSplit split = row.split().orElseThrow();
        assertEquals(split.test(), "age = -1, should not be cached");
        assertEquals(split.expectationFor("chromium", row.expect()).verdict(), Verdict.BLOCKED_AT_RESPONSE);
        assertEquals(split.expectationFor("firefox", row.expect()), row.expect());

        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW + SPLIT.replace("firefox: spec, ", ""));
        assertTrue(refused().problems().get(0).toString().contains("specWptSplit.engines"),
                refused().problems().toString());

        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW
                + SPLIT.replace("verdict: BLOCKED_AT_RESPONSE", "verdict: ALLOWED"));
        assertEquals(refused().problems().get(0).field(), "specWptSplit.expect");

        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n" + GOOD_ROW + SPLIT.replace("blob/master/cors",
                "pull/5107/cors"));
        assertEquals(refused().problems().get(0).field(), "specWptSplit.wpt");

        write("area-a.yaml", "area: area-a\ntitle: A\ncases:\n"
                + withDeviation("firefox", "https://bugzilla.mozilla.org/show_bug.cgi?id=1") + SPLIT);
        assertEquals(refused().problems().get(0).field(), "deviations.firefox");
    }
}
