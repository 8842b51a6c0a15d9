package dev.corssuite.suite.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.corssuite.origins.RecordedRequest;
import dev.corssuite.origins.RequestKind;
import dev.corssuite.suite.browser.Engine;
import dev.corssuite.suite.table.CorsCase;
import dev.corssuite.suite.table.Deviation;
import dev.corssuite.suite.verdict.Comparison;
import dev.corssuite.suite.verdict.Observation;
import io.qameta.allure.Allure;
import org.testng.ITestResult;
import org.testng.Reporter;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One test per row per browser: runs the table in each chosen browser and checks every row's expectation. */
public class ConformanceTest {
    static final String BROWSER = "cors.browser";
    static final String CASE = "cors.case";
    static final String EXPECTED = "cors.expected";
    static final String OBSERVED = "cors.observed";
    static final String VERSION = "cors.version";
    static final String AREA = "cors.area";
    static final String DESCRIPTION = "cors.description";
    static final String DRIVEN_BY = "cors.drivenBy";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private ConformanceContext context;
    private final Set<String> reportedFailure = new HashSet<>();

    private synchronized ConformanceContext context() {
        if (context == null) {
            context = new ConformanceContext(RunSettings.fromSystem());
        }
        return context;
    }

    @DataProvider(name = "rows")
    public Object[][] rows() {
        List<Object[]> rows = new ArrayList<>();
        for (Engine engine : context().selection().engines()) {
            for (CorsCase row : context().table().cases()) {
                rows.add(new Object[] {engine.name(), row.id()});
            }
        }
        return rows.toArray(Object[][]::new);
    }

    @Test(dataProvider = "rows", groups = "browser", description = "a row of the case table in a real browser")
    public void row(String browser, String caseId) throws Exception {
        CorsCase row = context().table().byId(caseId);
        ITestResult result = Reporter.getCurrentTestResult();
        result.setTestName(row.description() + " [" + browser + "]");
        result.setAttribute(BROWSER, browser);
        result.setAttribute(CASE, caseId);
        result.setAttribute(EXPECTED, row.expect().verdict().name());
        result.setAttribute(AREA, row.area());
        result.setAttribute(DESCRIPTION, row.description());
        Allure.getLifecycle().updateTestCase(t -> t.setName(row.description()));
        Allure.epic("CORS conformance");
        Allure.feature(context().table().areas().stream().filter(a -> a.area().equals(row.area())).findFirst()
                .orElseThrow().title());
        Allure.story(row.id());
        Allure.label("case", row.id());
        Allure.label("area", row.area());
        Allure.link("Fetch standard", row.spec());

        EngineOutcome outcome = context().outcome(browser);
        result.setAttribute(VERSION, outcome.version());
        result.setAttribute(DRIVEN_BY, outcome.drivenBy());
        Allure.parameter("browser version", outcome.version());
        Allure.parameter("driven by", outcome.drivenBy());
        if (!outcome.ran()) {
            if (reportedFailure.add(browser)) {
                throw new IllegalStateException(browser + " could not run the table: "
                        + outcome.failure().getMessage(), outcome.failure());
            }
            throw new SkipException(browser + " could not run the table (reported once, on its first row): "
                    + firstLine(outcome.failure().getMessage()));
        }
        Observation observed = outcome.observations().get(caseId);
        result.setAttribute(OBSERVED, observed.verdict().name());
        attachEvidence(row, observed);

        String where = browser + " " + outcome.version() + ", case " + caseId + " (" + row.file() + ")";
        if (row.split().isPresent()) {
            Allure.link("web-platform-tests", row.split().get().wpt());
            SpecWptDisagreement.judge(where, row, row.split().get(), browser, observed);
        }
        List<String> fromSpec = Comparison.differences(row.expect(), observed);
        Optional<Deviation> deviation = row.deviation(browser);
        if (deviation.isEmpty()) {
            if (!fromSpec.isEmpty()) {
                throw new AssertionError(where + ": " + String.join("; ", fromSpec));
            }
            return;
        }
        Allure.link("known deviation of " + browser, deviation.get().source());
        List<String> fromDeviation = Comparison.differences(deviation.get().expect(), observed);
        if (fromDeviation.isEmpty() && !fromSpec.isEmpty()) {
            throw new KnownDeviation(where + " deviates from the spec as recorded (" + deviation.get().source()
                    + "): " + String.join("; ", fromSpec));
        }
        if (fromSpec.isEmpty()) {
            throw new AssertionError(where + ": follows the spec now, but the table records a deviation for "
                    + browser + " (" + deviation.get().source() + "); remove it");
        }
        throw new AssertionError(where + ": differs from the spec and from its recorded deviation: "
                + String.join("; ", fromDeviation));
    }

    /** The row, then one step per stage: what the server was set to answer, what it received, what the page saw. */
    private static void attachEvidence(CorsCase row, Observation observed) {
        Allure.addAttachment("row (" + row.file() + ")", "application/json", json(row), ".json");
        stage("preflight", row.preflight(), observed, RequestKind.PREFLIGHT);
        stage("actual request", row.actual(), observed, RequestKind.ACTUAL);
        Allure.step("page: " + observed.verdict(), () ->
                Allure.addAttachment("page result", "application/json", json(observed.page()), ".json"));
    }

    private static void stage(String name, Object answer, Observation observed, RequestKind kind) {
        List<RecordedRequest> received = observed.journal().stream().filter(r -> r.kind() == kind).toList();
        Allure.step(name + ": " + (received.isEmpty() ? "not received" : received.size() + " received"), () -> {
            Allure.addAttachment("answer the server was set to give", "application/json", json(answer), ".json");
            Allure.addAttachment("requests the server received", "application/json", json(received), ".json");
        });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    @AfterClass(alwaysRun = true)
    public void close() {
        if (context != null) {
            context.writeEnvironment();
            context.close();
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
