package dev.corssuite.suite.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.browser.ChromiumEngine;
import dev.corssuite.suite.browser.FirefoxEngine;
import dev.corssuite.suite.cli.CorsSuite;
import dev.corssuite.suite.documents.Problem;
import dev.corssuite.suite.documents.YamlDocuments;
import dev.corssuite.suite.report.AllureReport;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.oracle.TableOracle;
import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.results.writers.AllureResults;
import dev.corssuite.suite.verify.policy.CorsPolicy;
import dev.corssuite.suite.verify.policy.PolicyLoader;
import dev.corssuite.suite.verify.NodeWebSocketServer;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The interactive page in real browsers: Selenium drives it in headless Chromium (chromedriver) and in Firefox (over
 * WebDriver BiDi, as the suite starts it), fills the forms, runs requests against a real local server in every
 * installed engine, and checks what the page shows; each main view is saved as a screenshot under reports/out/.
 */
@Test(groups = "browser")
public class ServePageTest {
    static final Path ROOT = Path.of(System.getProperty("cors.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ENGINES = List.of("chromium", "firefox", "webkit");
    private static final Duration RUN = Duration.ofMinutes(4);

    private LocalOrigin origin;
    private ServeApp app;
    private BrowserSession chromium;
    private BrowserSession firefox;
    private Path work;

    @BeforeClass
    public void start() throws Exception {
        work = Files.createTempDirectory("serve-test");
        origin = new LocalOrigin();
        app = new ServeApp(ROOT, "127.0.0.1", 0, List.of(), results -> {
            Path folder = work.resolve("allure-results");
            new AllureResults(folder).write(results);
            return new AllureReport(ROOT.resolve("reports")).generate(folder);
        });
        chromium = new ChromiumEngine().start();
        firefox = new FirefoxEngine().start();
        chromium.viewport(1280, 2300);
        firefox.viewport(1280, 1800);
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        for (AutoCloseable c : new AutoCloseable[] {firefox, chromium, app, origin}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the others are still closed
            }
        }
    }

    @Test(priority = 1)
    public void oneRequestInEveryEngineSideBySide() throws Exception {
        chromium.open(app.url());
        JsonNode shown = runSingle(chromium, Map.of("target", origin.url() + "/api/items", "pageOrigin",
                LocalOrigin.ALLOWED, "method", "PUT", "headers", "X-Api-Key: 1", "body", "{}"));
        assertEquals(shown.path("problems").asText(), "", shown.toString());
        for (String engine : ENGINES) {
            JsonNode card = shown.path("engines").path(engine);
            assertEquals(card.path("verdict").asText(), "BLOCKED_AT_PREFLIGHT", engine + ": " + card);
            String preflight = card.path("preflight").asText().toLowerCase();
            assertTrue(preflight.startsWith("options /api/items"), engine + ": " + preflight);
            assertTrue(preflight.contains("access-control-request-method: put"), engine + ": " + preflight);
            assertTrue(preflight.contains("access-control-request-headers: x-api-key"), engine + ": " + preflight);
            assertTrue(preflight.contains("origin: " + LocalOrigin.ALLOWED), engine + ": " + preflight);
            assertEquals(card.path("request").asText(), "did not arrive", engine);
            assertTrue(card.path("readable").asText().startsWith("nothing"), engine + ": " + card);
        }
        assertEquals(shown.path("oracle").asText(), "BLOCKED_AT_PREFLIGHT");
        assertTrue(shown.path("reasons").asText().contains("x-api-key"), shown.path("reasons").asText());
        assertTrue(shown.path("answers").asText().toLowerCase().contains("access-control-allow-headers: content-type"),
                shown.path("answers").asText());
        assertTrue(shown.path("findings").asText().contains("policy-allows-server-rejects")
                || shown.path("findings").asText().contains("blocked in the browser"), shown.path("findings").asText());
        assertTrue(shown.path("fix").asText().contains("Access-Control-Allow-Headers: X-Api-Key"),
                shown.path("fix").asText());
        screenshot(chromium, "serve-single.png");

        // The same page in Firefox: a GET the server grants, readable in every engine.
        firefox.open(app.url());
        JsonNode granted = runSingle(firefox, Map.of("target", origin.url() + "/api/items", "pageOrigin",
                LocalOrigin.ALLOWED, "method", "GET", "headers", "", "body", ""));
        for (String engine : ENGINES) {
            JsonNode card = granted.path("engines").path(engine);
            assertEquals(card.path("verdict").asText(), "ALLOWED", engine + ": " + card);
            assertEquals(card.path("preflight").asText(), "none", engine);
            assertTrue(card.path("request").asText().startsWith("GET /api/items"), engine + ": " + card);
            assertTrue(card.path("readable").asText().startsWith("status 200"), engine + ": " + card);
            assertTrue(card.path("readable").asText().contains("content-type: application/json"), engine);
            assertFalse(card.path("readable").asText().contains("x-total-count"), engine + ": not exposed");
        }
        assertEquals(granted.path("oracle").asText(), "ALLOWED");
        screenshot(firefox, "serve-single-firefox.png");
    }

    @Test(priority = 2, dependsOnMethods = "oneRequestInEveryEngineSideBySide")
    public void historyExportsValidRowAndPolicy() throws Exception {
        String list = eval(chromium, """
                document.getElementById('tab-history').click();
                await waitFor(() => document.querySelectorAll('#history-list li[data-id]').length >= 2);
                return {items: [...document.querySelectorAll('#history-list li[data-id]')].map(li => li.textContent)};
                """).path("items").toString();
        assertTrue(list.contains("PUT") && list.contains("GET"), list);
        String row = exportOf("1", "case");
        String policy = exportOf("1", "policy");
        Path cases = Files.createDirectories(work.resolve("cases"));
        Path caseFile = cases.resolve("exported.yaml");
        Files.writeString(caseFile, row);
        List<Problem> problems = new ArrayList<>();
        assertTrue(YamlDocuments.withSchema(ROOT.resolve("fixtures/schema/case-file.schema.json"), "cases")
                .load(caseFile, problems).isPresent(), problems + "\n" + row);
        assertTrue(row.contains("verdict: BLOCKED_AT_PREFLIGHT") && row.contains("X-Api-Key"), row);
        assertTrue(row.startsWith("# Before this row joins fixtures/cases/, give it control:"), row);
        // The table's own loader asks only for that control; the allowed request 2 it takes as it is, and the oracle,
        // run on the row's origins as the table runs it, reaches the row's expectation.
        try {
            CaseTable.load(cases, ROOT.resolve("fixtures/schema/case-file.schema.json"));
            throw new AssertionError("a negative row without a control was accepted");
        } catch (InvalidInputException e) {
            assertEquals(e.problems().size(), 1, e.getMessage());
            assertEquals(e.problems().get(0).field(), "control", e.getMessage());
        }
        String allowed = exportOf("2", "case");
        assertFalse(allowed.startsWith("#"), allowed);
        Files.writeString(caseFile, allowed);
        CaseTable table = CaseTable.load(cases, ROOT.resolve("fixtures/schema/case-file.schema.json"));
        assertEquals(table.cases().size(), 1);
        assertEquals(table.cases().get(0).expect().verdict(), Verdict.ALLOWED);
        assertEquals(TableOracle.disagreements(table.cases().get(0)), List.of(), allowed);
        Path policyFile = work.resolve("exported-policy.yaml");
        Files.writeString(policyFile, policy);
        CorsPolicy loaded = PolicyLoader.load(policyFile, ROOT.resolve("fixtures/schema/cors-policy.schema.json"));
        assertEquals(loaded.methods(), List.of("PUT"));
        assertEquals(loaded.requestHeaders(), List.of("X-Api-Key"));
        assertEquals(loaded.endpoints().get(0).path(), "/api/items");
        assertTrue(loaded.allows(LocalOrigin.ALLOWED));
        screenshot(chromium, "serve-history.png");
    }

    @Test(priority = 3)
    public void policyMatrixWithLiveProgressGridFindingsAndReport() throws Exception {
        firefox.open(app.url());
        String policy = "origins: [" + LocalOrigin.ALLOWED + "]\nmethods: [GET]\nendpoints:\n  - path: /api/items\n";
        JsonNode shown = eval(firefox, """
                document.getElementById('tab-matrix').click();
                document.getElementById('matrix-target').value = %s;
                document.getElementById('policy-yaml').value = %s;
                document.getElementById('matrix-form').requestSubmit();
                await waitFor(() => /^(Done|Not run|Failed)/.test(document.getElementById('matrix-status').textContent), %d);
                const rows = () => [...document.querySelectorAll('#matrix-grid tbody tr')];
                const all = rows().length;
                const kinds = [...document.getElementById('filter-kind').options].map(o => o.value).filter(v => v);
                const kind = document.getElementById('filter-kind');
                kind.value = 'stranger';
                kind.dispatchEvent(new Event('change'));
                const strangers = rows().map(r => r.dataset.kind);
                return {status: document.getElementById('matrix-status').textContent,
                        problems: document.getElementById('matrix-problems').textContent,
                        progress: [...document.querySelectorAll('#matrix-progress li')].map(li => li.textContent),
                        bars: [...document.querySelectorAll('#matrix-progress progress')].map(p => p.value === p.max),
                        all, kinds, strangers,
                        engines: [...document.querySelectorAll('#matrix-grid thead th')].map(th => th.textContent),
                        findings: document.getElementById('matrix-findings').textContent,
                        report: (document.getElementById('report-link') || {}).href || ''};
                """.formatted(js(origin.url()), js(policy), RUN.toMillis()));
        assertTrue(shown.path("status").asText().startsWith("Done"), shown.toString());
        assertEquals(shown.path("progress").size(), ENGINES.size(), shown.toString());
        shown.path("bars").forEach(full -> assertTrue(full.asBoolean(), shown.toString()));
        assertTrue(shown.path("all").asInt() > 10, shown.toString());
        assertTrue(shown.path("kinds").toString().contains("allowed")
                && shown.path("kinds").toString().contains("stranger"), shown.toString());
        assertTrue(shown.path("strangers").size() > 0 && shown.path("strangers").size() < shown.path("all").asInt(),
                shown.toString());
        shown.path("strangers").forEach(k -> assertEquals(k.asText(), "stranger"));
        ENGINES.forEach(e -> assertTrue(shown.path("engines").toString().contains(e), shown.toString()));
        // X-Cors-Suite-Unlisted and PUT are refused by the server, as the policy wants; the missing path is a 404 without CORS.
        assertTrue(shown.path("findings").asText().contains("no-cors-on-errors"), shown.path("findings").asText());
        String report = shown.path("report").asText();
        assertTrue(report.endsWith("/reports/allure-report/index.html"), report);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(report))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(answer.statusCode(), 200);
        assertTrue(answer.body().contains("<html"), "the report is HTML");
        eval(firefox, """
                const kind = document.getElementById('filter-kind');
                kind.value = '';
                kind.dispatchEvent(new Event('change'));
                return {};
                """);
        screenshot(firefox, "serve-matrix.png");
    }

    /** A bad target and a bad policy get, on the page, the lines the command line prints. */
    @Test(priority = 4)
    public void badInputGetsTheCommandLinesMessage() throws Exception {
        Path bad = work.resolve("bad-policy.yaml");
        Files.writeString(bad, "origins: ['*', 'https://app.example.com/']\nmethods: [GET, CONNECT]\ncredentials: true\n"
                + "endpoints:\n  - path: /api/items\n");
        List<String> cli = commandLine("verify", "--target", origin.url(), "--policy", bad.toString());
        assertTrue(cli.get(0).contains("problem(s) in the policy file"), cli.toString());
        chromium.open(app.url());
        JsonNode matrix = eval(chromium, """
                document.getElementById('tab-matrix').click();
                document.getElementById('matrix-target').value = %s;
                document.getElementById('policy-file').value = %s;
                document.getElementById('matrix-form').requestSubmit();
                await waitFor(() => !document.getElementById('matrix-problems').hidden, 60000);
                return {lines: [...document.querySelectorAll('#matrix-problems div')].map(d => d.textContent)};
                """.formatted(js(origin.url()), js(bad.toString())));
        assertEquals(lines(matrix), cli);

        Path good = work.resolve("good-policy.yaml");
        Files.writeString(good, "origins: [https://app.example.com]\nmethods: [GET]\nendpoints:\n  - path: /api\n");
        List<String> cliTarget = commandLine("verify", "--target", "ftp://127.0.0.1", "--policy", good.toString());
        JsonNode single = runSingle(chromium, Map.of("target", "ftp://127.0.0.1/api", "pageOrigin",
                LocalOrigin.ALLOWED, "method", "GET", "headers", "", "body", ""));
        assertEquals(single.path("problems").asText(), String.join("\n", cliTarget));
        assertEquals(single.path("engines").size(), 0, "nothing ran");
    }

    /** Every control has a label, no positive tabindex reorders focus, and a narrow window needs no sideways scroll. */
    @Test(priority = 5, dependsOnMethods = "oneRequestInEveryEngineSideBySide")
    public void keyboardAndNarrowWindow() throws Exception {
        chromium.viewport(390, 1400);
        chromium.open(app.url());
        JsonNode shown = eval(chromium, """
                document.getElementById('tab-history').click();
                await waitFor(() => document.querySelector('#history-list [data-show="1"]'));
                document.querySelector('#history-list [data-show="1"]').click();
                await waitFor(() => document.querySelectorAll('#single-result article.engine').length > 0);
                const cards = document.querySelectorAll('#single-result article.engine').length;
                const method = document.getElementById('method').value;
                const controls = [...document.querySelectorAll('input, select, textarea')];
                const unlabelled = controls.filter(c => c.labels.length === 0).map(c => c.id);
                const reordered = [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).length;
                document.getElementById('target').focus();
                return {cards, method, unlabelled, reordered, focused: document.activeElement.id,
                        wide: document.documentElement.scrollWidth > window.innerWidth + 1,
                        submit: document.getElementById('run-single').form.id};
                """);
        assertEquals(shown.path("cards").asInt(), ENGINES.size(), "the history shows request 1 again");
        assertEquals(shown.path("method").asText(), "PUT", "and puts it back in the form");
        assertEquals(shown.path("unlabelled").size(), 0, shown.toString());
        assertEquals(shown.path("reordered").asInt(), 0);
        assertEquals(shown.path("focused").asText(), "target");
        assertEquals(shown.path("submit").asText(), "single-form", "Enter in a field submits the request");
        assertFalse(shown.path("wide").asBoolean(), "the narrow window scrolls sideways");
        screenshot(chromium, "serve-narrow.png");
        chromium.viewport(1280, 2300);
    }

    /** A WebSocket has no CORS: the page shows the handshake as the ws server got it, with the page's Origin. */
    @Test(priority = 6)
    public void aWebSocketShowsTheHandshakeTheServerReceived() throws Exception {
        try (NodeWebSocketServer sockets = NodeWebSocketServer.anyOrigin()) {
            chromium.open(app.url());
            JsonNode shown = runSingle(chromium, Map.of("initiator", "websocket", "target", sockets.url() + "/live",
                    "pageOrigin", "https://evil.example", "method", "GET", "headers", "", "body", ""));
            assertEquals(shown.path("problems").asText(), "", shown.toString());
            for (String engine : ENGINES) {
                JsonNode card = shown.path("engines").path(engine);
                assertEquals(card.path("verdict").asText(), "ALLOWED", engine + ": " + card);
                assertEquals(card.path("preflight").asText(), "none", engine);
                String handshake = card.path("request").asText().toLowerCase();
                assertTrue(handshake.startsWith("get /live"), engine + ": " + handshake);
                assertTrue(handshake.contains("upgrade: websocket"), engine + ": " + handshake);
                assertTrue(handshake.contains("origin: https://evil.example"), engine + ": " + handshake);
            }
        }
    }

    private JsonNode runSingle(BrowserSession session, Map<String, String> fields) throws Exception {
        StringBuilder fill = new StringBuilder("document.getElementById('tab-single').click();\n");
        fields.forEach((id, value) -> fill.append("document.getElementById(").append(js(id)).append(").value = ")
                .append(js(value)).append(";\n"));
        return eval(session, fill + """
                document.getElementById('single-result').replaceChildren();
                document.getElementById('single-status').textContent = '';
                document.getElementById('single-form').requestSubmit();
                await waitFor(() => /^(Done|Not run|Failed)/.test(document.getElementById('single-status').textContent), %d);
                const text = sel => [...document.querySelectorAll(sel)].map(e => e.textContent).join('\\n');
                const engines = {};
                document.querySelectorAll('#single-result article.engine').forEach(card => {
                  const part = sel => (card.querySelector(sel) || {}).textContent || '';
                  engines[card.dataset.engine] = {verdict: part('.verdict'), stage: part('.stage'),
                    preflight: part('.received-preflight'), request: part('.received-request'), readable: part('.readable')};
                });
                return {status: document.getElementById('single-status').textContent,
                        problems: text('#single-problems div'), engines,
                        oracle: text('.verdict.oracle'), reasons: text('.oracle-reasons li'),
                        answers: text('.explain pre'), findings: text('#single-findings .finding'),
                        fix: text('.headers-to-send')};
                """.formatted(RUN.toMillis()));
    }

    private String exportOf(String id, String as) throws Exception {
        return eval(chromium, """
                const item = document.querySelector('#history-list li[data-id="%s"]');
                item.querySelector('[data-export="%s"]').click();
                await waitFor(() => document.getElementById('export-title').textContent.startsWith('Request #%s')
                    && document.getElementById('export-title').textContent.includes(%s));
                return {yaml: document.getElementById('export-output').textContent};
                """.formatted(id, as, id, js(as.equals("case") ? "case-table" : "policy"))).path("yaml").asText();
    }

    /** Runs an async function body in the page and returns what it returned, as JSON. */
    private static JsonNode eval(BrowserSession session, String body) throws Exception {
        String script = "(async () => {"
                + "const waitFor = async (ok, ms = 60000) => { const until = Date.now() + ms;"
                + "  while (!ok()) { if (Date.now() > until) throw new Error('timed out waiting in the page');"
                + "  await new Promise(r => setTimeout(r, 100)); } };"
                + "return JSON.stringify(await (async () => {" + body + "})()); })()";
        return JSON.readTree(session.evaluateAsync(script, RUN.plusMinutes(1)));
    }

    private static String js(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(JsonNode node) {
        List<String> lines = new ArrayList<>();
        node.path("lines").forEach(l -> lines.add(l.asText()));
        return lines;
    }

    /** What the command line prints on its error stream, line by line, run in this JVM. */
    private static List<String> commandLine(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new CorsSuite()).execute(args);
        } finally {
            System.setErr(saved);
        }
        assertEquals(exit, 2, err.toString(StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8).strip().lines().toList();
    }

    private static void screenshot(BrowserSession session, String name) throws Exception {
        Path out = ROOT.resolve("reports").resolve("out");
        Files.createDirectories(out);
        Files.write(out.resolve(name), session.screenshot());
    }
}
