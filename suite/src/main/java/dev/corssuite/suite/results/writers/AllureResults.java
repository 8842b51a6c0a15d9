package dev.corssuite.suite.results.writers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.corssuite.suite.results.Cell;
import dev.corssuite.suite.results.EngineRun;
import dev.corssuite.suite.results.Item;
import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.verify.findings.Finding;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Results as Allure results, the same way in both modes: one test per item per engine (an infrastructure error is
 * "broken", a known deviation "skipped") with the evidence attached, one per finding, the environment, and the
 * categories the HTML report sorts failures into.
 */
public final class AllureResults {
    /** Words the report's categories match on (allure-categories.json). */
    public static final String VIOLATES = "the server violates the declared policy";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final FileSystemResultsWriter writer;
    private final long now = System.currentTimeMillis();

    public AllureResults(Path folder) {
        this.folder = folder;
        this.writer = new FileSystemResultsWriter(folder);
    }

    public void write(Results results) {
        for (Item item : results.items()) {
            for (EngineRun engine : results.engines()) {
                Cell cell = item.cells().get(engine.name());
                if (cell != null) {
                    writeCell(results, item, engine, cell);
                }
            }
        }
        results.findings().forEach(f -> writeFinding(results, f));
        writeEnvironment(results);
    }

    private void writeCell(Results results, Item item, EngineRun engine, Cell cell) {
        TestResult result = base(results, item.title(), item.id() + " " + engine.name())
                .setStatus(switch (cell.status()) {
                    case MATCHED -> Status.PASSED;
                    case DIFFERED -> Status.FAILED;
                    case KNOWN_DEVIATION, SPEC_WPT_DISAGREEMENT, NOT_RUN -> Status.SKIPPED;
                    case INFRASTRUCTURE_ERROR -> Status.BROKEN;
                });
        result.getLabels().add(label("feature", item.groupTitle()));
        result.getLabels().add(label("story", item.id()));
        result.getParameters().add(new Parameter().setName("browser").setValue(engine.name()));
        result.getParameters().add(new Parameter().setName("browser version").setValue(engine.version()));
        result.getParameters().add(new Parameter().setName("driven by").setValue(engine.drivenBy()));
        result.setDescription("Expected: " + item.expected() + (cell.verdict() == null ? ""
                : "; " + engine.name() + ": " + cell.verdict()));
        if (item.reference() != null) {
            result.getLinks().add(new Link().setName("reference").setUrl(item.reference()));
        }
        if (!cell.details().isEmpty()) {
            String message = String.join("\n", cell.details());
            if (results.mode() == Results.Mode.VERIFY && cell.status() == dev.corssuite.suite.results.Status.DIFFERED) {
                message = engine.name() + ": " + VIOLATES + ": " + message;
            }
            result.setStatusDetails(new StatusDetails().setMessage(message));
        }
        List<Attachment> attachments = new ArrayList<>();
        item.evidence().forEach((name, value) -> attachments.add(attach(name, value)));
        if (cell.evidence() != null) {
            attachments.add(attach("page result", cell.evidence().page()));
            attachments.add(attach("requests the server received", cell.evidence().journal()));
        }
        result.setAttachments(attachments);
        writer.write(result);
    }

    private void writeFinding(Results results, Finding finding) {
        TestResult result = base(results, finding.kind().title(), "finding " + finding.kind().id())
                .setStatus(Status.FAILED)
                .setDescription(finding.kind().meaning())
                .setStatusDetails(new StatusDetails().setMessage("finding " + finding.kind().id() + ": " + VIOLATES
                        + " or safe CORS practice: " + finding.kind().title() + "\n"
                        + String.join("\n", finding.evidence())));
        result.getLabels().add(label("feature", "findings"));
        result.getLabels().add(label("story", finding.kind().id()));
        writer.write(result);
    }

    private Attachment attach(String name, Object value) {
        String source = UUID.randomUUID() + "-attachment.json";
        String json;
        try {
            json = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            json = String.valueOf(value);
        }
        writer.write(source, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return new Attachment().setName(name).setSource(source).setType("application/json");
    }

    private TestResult base(Results results, String name, String identity) {
        String full = results.subject() + " " + identity;
        TestResult result = new TestResult().setUuid(UUID.randomUUID().toString()).setName(name).setFullName(full)
                .setHistoryId(UUID.nameUUIDFromBytes(full.getBytes(StandardCharsets.UTF_8)).toString())
                .setStart(now).setStop(now);
        result.setLabels(new ArrayList<>(List.of(label("epic", results.mode().title()),
                label("suite", results.mode().title() + ": " + results.subject()))));
        result.setParameters(new ArrayList<>());
        result.setLinks(new ArrayList<>(List.of(new Link().setName("Fetch standard: CORS protocol")
                .setUrl("https://fetch.spec.whatwg.org/#http-cors-protocol"))));
        return result;
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    /** Allure's environment panel (browsers, versions, how each was driven, what was skipped) and categories. */
    private void writeEnvironment(Results results) {
        Properties env = new Properties();
        env.setProperty("subject", results.subject());
        env.setProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.setProperty("java", System.getProperty("java.version"));
        for (EngineRun e : results.engines()) {
            env.setProperty("browser." + e.name(), e.version());
            env.setProperty("browser." + e.name() + ".driven-by", e.drivenBy());
        }
        for (Map.Entry<String, String> s : results.skipped().entrySet()) {
            env.setProperty("browser." + s.getKey(), "skipped: " + s.getValue());
        }
        try (Writer out = Files.newBufferedWriter(folder.resolve("environment.properties"));
             InputStream categories = AllureResults.class.getResourceAsStream("/allure-categories.json")) {
            env.store(out, results.mode().title());
            Files.write(folder.resolve("categories.json"), categories.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report environment", e);
        }
    }
}
