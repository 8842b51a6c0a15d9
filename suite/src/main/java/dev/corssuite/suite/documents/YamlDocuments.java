package dev.corssuite.suite.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML or JSON file and checks it against a JSON schema (2020-12). A file that cannot be read, is empty or
 * breaks the schema yields no tree and its problems; a problem inside an entry of the rows list (if the kind of file
 * has one, e.g. a case file's {@code cases}) names that row by its {@code id}.
 */
public final class YamlDocuments {
    private static final Pattern IN_LIST = Pattern.compile("^\\$\\.(\\w+)\\[(\\d+)](?:\\.(.*))?$");

    private final JsonSchema schema;
    private final String rows;

    private YamlDocuments(JsonSchema schema, String rows) {
        this.schema = schema;
        this.rows = rows;
    }

    /**
     * A loader for files of one schema whose rows (entries with an {@code id}) are in the list {@code rows} (null:
     * none); a schema that cannot be read is a problem of the suite's own files.
     */
    public static YamlDocuments withSchema(Path schemaFile, String rows) {
        try {
            JsonNode node = new ObjectMapper().readTree(schemaFile.toFile());
            return new YamlDocuments(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node),
                    rows);
        } catch (IOException e) {
            throw new InvalidInputException("the schema", List.of(Problem.at(schemaFile.toString(), null,
                    "cannot read the schema: " + e.getMessage())));
        }
    }

    /** The file's tree when it is readable and valid; otherwise empty, its problems added to {@code problems}. */
    public Optional<JsonNode> load(Path file, List<Problem> problems) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            problems.add(Problem.at(file.toString(), null, "no such file"));
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = (name.endsWith(".json") ? new ObjectMapper() : new YAMLMapper()).readTree(file.toFile());
        } catch (IOException e) {
            problems.add(Problem.at(name, null, "not readable as YAML/JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            return Optional.empty();
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add(Problem.at(name, null, "the file is empty"));
            return Optional.empty();
        }
        int before = problems.size();
        for (ValidationMessage message : schema.validate(root)) {
            problems.add(locate(name, root, message));
        }
        return problems.size() > before ? Optional.empty() : Optional.of(root);
    }

    private Problem locate(String file, JsonNode root, ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String property = "required".equals(message.getType()) && message.getProperty() != null
                ? message.getProperty() : null;
        String text = message.getError() != null ? message.getError() : message.getMessage();
        Matcher m = IN_LIST.matcher(location);
        if (m.matches() && m.group(1).equals(rows)) {
            int index = Integer.parseInt(m.group(2));
            JsonNode id = root.path(rows).path(index).path("id");
            return new Problem(file, id.isTextual() ? id.asText() : "#" + (index + 1) + " (no id)",
                    join(m.group(3), property), text);
        }
        String field = location.startsWith("$.") ? location.substring(2) : "";
        return Problem.at(file, join(field.isEmpty() ? null : field, property), text);
    }

    private static String join(String path, String property) {
        if (path == null || path.isEmpty()) {
            return property;
        }
        return property == null ? path : path + "." + property;
    }
}
