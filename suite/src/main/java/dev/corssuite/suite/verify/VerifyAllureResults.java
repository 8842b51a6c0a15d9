package dev.corssuite.suite.verify;

import dev.corssuite.suite.verify.findings.Finding;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A verification as Allure results, so the HTML report shows it like a table run: one test per request per browser
 * (failed when the browser did not do what the policy intends) and one per finding, both in the category
 * "Server violates the declared policy".
 */
public final class VerifyAllureResults {
    static final String VIOLATES = "the server violates the declared policy";

    private final FileSystemResultsWriter writer;
    private final Path results;
    private final URI target;
    private final long now = System.currentTimeMillis();

    public VerifyAllureResults(Path results, URI target) {
        this.results = results;
        this.writer = new FileSystemResultsWriter(results);
        this.target = target;
    }

    public void write(VerifyResult verification) {
        for (RequestOutcome outcome : verification.outcomes()) {
            outcome.browsers().keySet().forEach(engine ->
                    writeRequest(outcome, engine, verification.browsers().get(engine)));
        }
        verification.findings().forEach(this::writeFinding);
        writeEnvironment(verification.browsers());
    }

    private void writeRequest(RequestOutcome outcome, String engine, String version) {
        var request = outcome.request();
        boolean asIntended = outcome.asIntended(engine).orElse(true);
        String observed = outcome.browsers().get(engine).verdict().name();
        String intended = outcome.intent().verdict().name();
        TestResult result = base(request.describe(), "request " + request.id() + " " + engine)
                .setStatus(asIntended ? Status.PASSED : Status.FAILED)
                .setDescription("Answers as curl sees them: " + outcome.answersSummary());
        result.getLabels().add(label("feature", request.from().kind().name().toLowerCase() + " origins"));
        result.getLabels().add(label("story", request.method() + " " + request.path()));
        result.getParameters().add(new Parameter().setName("browser").setValue(engine));
        result.getParameters().add(new Parameter().setName("browser version").setValue(version));
        if (!asIntended) {
            result.setStatusDetails(new StatusDetails().setMessage(engine + ": " + VIOLATES + ": the policy intends "
                    + intended + ", the browser's verdict is " + observed + " (" + outcome.answersSummary() + ")"));
        }
        writer.write(result);
    }

    private void writeFinding(Finding finding) {
        TestResult result = base(finding.kind().title(), "finding " + finding.kind().id())
                .setStatus(Status.FAILED)
                .setDescription(finding.kind().meaning())
                .setStatusDetails(new StatusDetails().setMessage("finding " + finding.kind().id() + ": " + VIOLATES
                        + " or safe CORS practice: " + finding.kind().title() + "\n" + String.join("\n", finding.evidence())));
        result.getLabels().add(label("feature", "findings"));
        result.getLabels().add(label("story", finding.kind().id()));
        writer.write(result);
    }

    private TestResult base(String name, String identity) {
        String uuid = UUID.randomUUID().toString();
        TestResult result = new TestResult().setUuid(uuid).setName(name).setFullName(target + " " + identity)
                .setHistoryId(UUID.nameUUIDFromBytes((target + " " + identity).getBytes()).toString())
                .setStart(now).setStop(now);
        List<Label> labels = new ArrayList<>(List.of(label("epic", "Verify " + target), label("suite", "verify " + target)));
        result.setLabels(labels);
        result.setParameters(new ArrayList<>());
        result.setLinks(new ArrayList<>(List.of(new Link().setName("Fetch standard: CORS protocol")
                .setUrl("https://fetch.spec.whatwg.org/#http-cors-protocol"))));
        return result;
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private void writeEnvironment(Map<String, String> browsers) {
        Properties env = new Properties();
        env.setProperty("target", target.toString());
        env.setProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        browsers.forEach((engine, version) -> env.setProperty("browser." + engine, version));
        try (Writer out = Files.newBufferedWriter(results.resolve("environment.properties"));
             InputStream categories = VerifyAllureResults.class.getResourceAsStream("/allure-categories.json")) {
            env.store(out, "CORS verification of " + target);
            Files.write(results.resolve("categories.json"), categories.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report environment", e);
        }
    }
}
