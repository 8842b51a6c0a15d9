package dev.corssuite.suite.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.documents.InvalidInputException;
import dev.corssuite.suite.documents.Problem;
import dev.corssuite.suite.documents.YamlDocuments;
import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.facts.Facts;
import dev.corssuite.suite.facts.Hop;
import dev.corssuite.suite.facts.Verdict;
import dev.corssuite.suite.request.CorsSetting;
import dev.corssuite.suite.request.CredentialsMode;
import dev.corssuite.suite.request.FetchOptions;
import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.request.RequestMode;
import dev.corssuite.suite.request.RequestSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The loaded, validated table: every {@code *.yaml} / {@code *.json} file of a cases folder, checked against the
 * schema and across rows. A table that loads is one the suite can run; otherwise {@link InvalidInputException} lists
 * every problem with file, row id and field.
 */
public final class CaseTable {
    public static final String THE_TABLE = "the case table";
    private static final Pattern FUTURE_TENSE = Pattern.compile("\\b(should|must|will)\\b", Pattern.CASE_INSENSITIVE);

    private final List<CaseArea> areas;
    private final Map<String, CorsCase> byId;

    private CaseTable(List<CaseArea> areas) {
        this.areas = List.copyOf(areas);
        Map<String, CorsCase> index = new LinkedHashMap<>();
        areas.forEach(a -> a.cases().forEach(c -> index.put(c.id(), c)));
        this.byId = index;
    }

    /** Loads {@code root/cases} against {@code root/schema/case-file.schema.json}. */
    public static CaseTable load(Path fixtures) {
        return load(fixtures.resolve("cases"), fixtures.resolve("schema").resolve("case-file.schema.json"));
    }

    public static CaseTable load(Path casesFolder, Path schemaFile) {
        YamlDocuments documents = YamlDocuments.withSchema(schemaFile, "cases");
        List<Path> files;
        try (Stream<Path> listing = Files.list(casesFolder)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")
                    || p.toString().endsWith(".json")).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new InvalidInputException(THE_TABLE, List.of(new Problem(casesFolder.toString(), null, null,
                    "cannot list the cases folder: " + e.getMessage())));
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(THE_TABLE, List.of(new Problem(casesFolder.toString(), null, null,
                    "no case files (*.yaml, *.json) found")));
        }
        List<Problem> problems = new ArrayList<>();
        List<CaseArea> areas = new ArrayList<>();
        for (Path file : files) {
            readFile(file, casesFolder.resolveSibling("bodies"), documents, problems).ifPresent(areas::add);
        }
        crossCheck(areas, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(THE_TABLE, problems);
        }
        return new CaseTable(areas);
    }

    public List<CaseArea> areas() {
        return areas;
    }

    public List<CorsCase> cases() {
        return List.copyOf(byId.values());
    }

    public CorsCase byId(String id) {
        CorsCase found = byId.get(id);
        if (found == null) {
            throw new IllegalArgumentException("no case with id '" + id + "'");
        }
        return found;
    }

    /** A table of the rows that pass the filter (areas without rows left out). */
    public CaseTable filter(Predicate<CorsCase> keep) {
        List<CaseArea> kept = new ArrayList<>();
        for (CaseArea area : areas) {
            List<CorsCase> rows = area.cases().stream().filter(keep).toList();
            if (!rows.isEmpty()) {
                kept.add(new CaseArea(area.area(), area.title(), area.file(), rows));
            }
        }
        return new CaseTable(kept);
    }

    public int size() {
        return byId.size();
    }

    private static java.util.Optional<CaseArea> readFile(Path file, Path bodies, YamlDocuments documents,
                                                         List<Problem> problems) {
        String name = file.getFileName().toString();
        java.util.Optional<JsonNode> loaded = documents.load(file, problems);
        if (loaded.isEmpty()) {
            return java.util.Optional.empty();
        }
        JsonNode root = loaded.get();
        String area = root.path("area").asText();
        String stem = name.substring(0, name.lastIndexOf('.'));
        if (!area.equals(stem)) {
            problems.add(new Problem(name, null, "area", "is '" + area + "' but the file is named '" + name
                    + "'; they must match"));
        }
        List<CorsCase> cases = new ArrayList<>();
        for (JsonNode row : root.path("cases")) {
            Bodies rowBodies = new Bodies(bodies, name, row.path("id").asText(), problems);
            cases.add(toCase(name, area, row, rowBodies, problems));
        }
        return java.util.Optional.of(new CaseArea(area, root.path("title").asText(), name, cases));
    }

    private static CorsCase toCase(String file, String area, JsonNode row, Bodies bodies, List<Problem> problems) {
        String id = row.path("id").asText();
        JsonNode request = row.path("request");
        JsonNode expect = row.path("expect");
        JsonNode server = row.path("server");
        Answer preflight = answer(server.path("preflight"), bodies, "server.preflight");
        Answer actual = answer(server.path("actual"), bodies, "server.actual");
        checkPlaceholders(file, id, "server.preflight", preflight, problems);
        checkPlaceholders(file, id, "server.actual", actual, problems);
        Map<OriginRole, RoleAnswers> on = new java.util.EnumMap<>(OriginRole.class);
        server.path("on").fields().forEachRemaining(e -> {
            OriginRole role = OriginRole.fromFileName(e.getKey());
            JsonNode node = e.getValue();
            String where = "server.on." + e.getKey();
            Answer p = node.has("preflight") ? answer(node.path("preflight"), bodies, where + ".preflight") : null;
            Answer a = node.has("actual") ? answer(node.path("actual"), bodies, where + ".actual") : null;
            if (p != null) {
                checkPlaceholders(file, id, "server.on." + e.getKey() + ".preflight", p, problems);
            }
            if (a != null) {
                checkPlaceholders(file, id, "server.on." + e.getKey() + ".actual", a, problems);
            }
            on.put(role, new RoleAnswers(p, a));
        });
        PageRequest pageRequest = pageRequest(file, id, "request", request, problems);
        List<FollowUp> then = new ArrayList<>();
        JsonNode thenNode = row.path("then");
        for (int i = 0; i < thenNode.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode merged = ((com.fasterxml.jackson.databind.node.ObjectNode) request).deepCopy();
            JsonNode step = thenNode.get(i);
            step.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("waitMs")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            then.add(new FollowUp(step.path("waitMs").asLong(0),
                    pageRequest(file, id, "then[" + i + "]", merged, problems)));
        }
        if (!then.isEmpty() && row.path("alone").asBoolean(false)) {
            problems.add(new Problem(file, id, "alone", "a multi-request row waits on its own; it runs alongside "
                    + "the others, so it cannot also be alone"));
        }
        Facts expectation = expectation(expect, null);
        Map<String, Deviation> deviations = new LinkedHashMap<>();
        row.path("deviations").fields().forEachRemaining(e -> {
            String source = e.getValue().path("source").asText();
            EngineSource.refusal(e.getKey(), source).ifPresent(why -> problems.add(new Problem(file, id,
                    "deviations." + e.getKey() + ".source", why)));
            deviations.put(e.getKey(), new Deviation(e.getKey(), source, e.getValue().path("note").asText(null),
                    expectation(e.getValue(), expectation)));
        });
        SpecWptSplit split = split(file, id, row.path("specWptSplit"), expectation, deviations, problems);
        String description = row.path("description").asText();
        Matcher tense = FUTURE_TENSE.matcher(description);
        if (tense.find()) {
            problems.add(new Problem(file, id, "description", "says '" + tense.group()
                    + "': describe what happens, in the present tense"));
        }
        Answer revalidated = server.has("revalidated")
                ? answer(server.path("revalidated"), bodies, "server.revalidated") : null;
        if (revalidated != null) {
            checkPlaceholders(file, id, "server.revalidated", revalidated, problems);
        }
        return new CorsCase(id, description, row.path("spec").asText(), area, file, preflight, actual, on, pageRequest,
                then, expectation, row.hasNonNull("control") ? row.path("control").asText() : null,
                row.path("alone").asBoolean(false), deviations, split, revalidated);
    }

    /** The row's spec/WPT disagreement, or null; an engine takes one side of it or deviates, not both. */
    private static SpecWptSplit split(String file, String id, JsonNode node, Facts specText,
                                      Map<String, Deviation> deviations, List<Problem> problems) {
        if (node.isMissingNode()) {
            return null;
        }
        Facts wpt = expectation(node.path("expect"), specText);
        if (wpt.equals(specText)) {
            problems.add(new Problem(file, id, "specWptSplit.expect", "repeats the row's expect: the spec "
                    + "text and the wpt test agree, so there is no disagreement to record"));
        }
        Map<String, SpecWptSplit.Side> engines = new LinkedHashMap<>();
        node.path("engines").fields().forEachRemaining(e -> {
            engines.put(e.getKey(), SpecWptSplit.Side.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT)));
            if (deviations.containsKey(e.getKey())) {
                problems.add(new Problem(file, id, "deviations." + e.getKey(), "the engine already takes a "
                        + "side of the spec/WPT disagreement (specWptSplit.engines); it cannot also deviate"));
            }
        });
        return new SpecWptSplit(node.path("wpt").asText(), node.path("test").asText(),
                node.path("note").asText(null), wpt, engines);
    }

    private static PageRequest pageRequest(String file, String id, String field, JsonNode request,
                                           List<Problem> problems) {
        RequestSpec spec = new RequestSpec(
                Initiator.fromFileName(request.path("api").asText("fetch")),
                request.path("method").asText("GET"),
                headerLines(request.path("headers")),
                request.has("body") ? request.path("body").asText() : null,
                request.path("bodyStream").asBoolean(false),
                CredentialsMode.fromFileName(request.path("credentials").asText("same-origin")),
                RequestMode.fromFileName(request.path("mode").asText("cors")),
                request.path("uploadListener").asBoolean(false),
                request.hasNonNull("crossorigin") ? CorsSetting.fromFileName(request.path("crossorigin").asText())
                        : null,
                request.path("timeoutMs").asLong(RequestSpec.DEFAULT_TIMEOUT_MS),
                new FetchOptions(FetchOptions.BodyKind.fromFileName(request.path("bodyKind").asText("string")),
                        request.has("bodyType") ? request.path("bodyType").asText() : null,
                        FetchOptions.RedirectMode.fromFileName(request.path("redirect").asText("follow")),
                        FetchOptions.CacheMode.fromFileName(request.path("cache").asText("default"))));
        for (String problem : spec.api().problems(spec)) {
            int colon = problem.indexOf(": ");
            problems.add(new Problem(file, id, field + "." + problem.substring(0, colon),
                    problem.substring(colon + 2)));
        }
        if (request.path("sandboxed").asBoolean(false) && request.path("dataDocument").asBoolean(false)) {
            problems.add(new Problem(file, id, field + ".dataDocument",
                    "a data: document is not also a sandboxed frame; choose one"));
        }
        return new PageRequest(
                OriginRole.fromFileName(request.path("from").asText("page")),
                OriginRole.fromFileName(request.path("to").asText()),
                spec,
                request.path("sandboxed").asBoolean(false),
                request.path("dataDocument").asBoolean(false),
                request.has("cookie") ? request.path("cookie").asText() : null,
                request.has("query") ? request.path("query").asText() : null);
    }

    private static void checkPlaceholders(String file, String id, String where, Answer answer,
                                          List<Problem> problems) {
        List<HeaderLine> lines = answer.headers();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = OriginPlaceholders.PLACEHOLDER.matcher(lines.get(i).value());
            while (m.find()) {
                if (!isRole(m.group(2))) {
                    problems.add(new Problem(file, id, where + ".headers[" + i + "]",
                            "unknown origin role '" + m.group(2) + "' in " + m.group()
                                    + "; use one of page, cross-port, cross-host, redirect-hop"));
                }
            }
        }
    }

    /** Reads an expectation; fields a deviation leaves out come from the spec's expectation ({@code base}). */
    private static Facts expectation(JsonNode node, Facts base) {
        return new Facts(
                node.has("verdict") ? Verdict.valueOf(node.path("verdict").asText()) : base.verdict(),
                node.has("preflight") ? Boolean.valueOf(node.path("preflight").asBoolean())
                        : base == null ? null : base.preflight(),
                node.has("reached") ? Boolean.valueOf(node.path("reached").asBoolean())
                        : base == null ? null : base.reached(),
                node.has("requestHeaders") ? (node.path("requestHeaders").isNull() ? null
                        : node.path("requestHeaders").asText()) : base == null ? null : base.requestHeaders(),
                node.has("status") ? Integer.valueOf(node.path("status").asInt()) : base == null ? null : base.status(),
                node.has("readable") || base == null ? new java.util.LinkedHashSet<>(strings(node.path("readable"))) : base.readable(),
                node.has("unreadable") || base == null ? new java.util.LinkedHashSet<>(strings(node.path("unreadable")))
                        : base.unreadable(),
                node.has("method") ? node.path("method").asText() : base == null ? null : base.method(),
                node.has("hops") ? hops(node.path("hops")) : base == null ? null : base.hops(),
                node.has("preflights") ? Integer.valueOf(node.path("preflights").asInt())
                        : base == null ? null : base.preflights(),
                node.has("requests") ? Integer.valueOf(node.path("requests").asInt())
                        : base == null ? null : base.requests(),
                node.has("cookie") ? Boolean.valueOf(node.path("cookie").asBoolean())
                        : base == null ? null : base.cookie(),
                node.has("preflightCookie") ? Boolean.valueOf(node.path("preflightCookie").asBoolean())
                        : base == null ? null : base.preflightCookie(),
                node.has("preflightOrigins") ? rawStrings(node.path("preflightOrigins"))
                        : base == null ? null : base.preflightOrigins(),
                node.has("tainted") ? Boolean.valueOf(node.path("tainted").asBoolean())
                        : base == null ? null : base.tainted(),
                node.has("preflightHops") ? hops(node.path("preflightHops"))
                        : base == null ? null : base.preflightHops());
    }

    private static List<String> rawStrings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    private static List<Hop> hops(JsonNode array) {
        List<Hop> hops = new ArrayList<>();
        array.forEach(n -> hops.add(new Hop(n.path("at").asText(), n.hasNonNull("method") ? n.path("method").asText()
                : null, n.hasNonNull("origin") ? n.path("origin").asText() : null, strings(n.path("with")),
                strings(n.path("without")), values(n.path("values")))));
        return hops;
    }

    private static Map<String, String> values(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        return values;
    }

    private static boolean isRole(String name) {
        try {
            OriginRole.fromFileName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Answer answer(JsonNode node, Bodies bodies, String field) {
        if (node.isMissingNode()) {
            return Answer.NONE;
        }
        if (node.has("bodyFile")) {
            return new Answer(node.path("status").asInt(200), headerLines(node.path("headers")),
                    bodies.base64(node.path("bodyFile").asText(), field + ".bodyFile"), node.path("delayMs").asLong(0),
                    true);
        }
        return new Answer(node.path("status").asInt(200), headerLines(node.path("headers")),
                node.path("body").asText(""), node.path("delayMs").asLong(0));
    }

    /** The files a row's answers send byte for byte ({@code bodyFile}), from the fixtures' {@code bodies/} folder. */
    private record Bodies(Path folder, String file, String id, List<Problem> problems) {
        String base64(String name, String field) {
            try {
                return java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(folder.resolve(name)));
            } catch (IOException e) {
                problems.add(new Problem(file, id, field, "cannot read " + folder.resolve(name) + ": " + e));
                return "";
            }
        }
    }

    private static List<HeaderLine> headerLines(JsonNode lines) {
        List<HeaderLine> result = new ArrayList<>();
        for (JsonNode line : lines) {
            line.fields().forEachRemaining(e -> result.add(new HeaderLine(e.getKey(), e.getValue().asText())));
        }
        return result;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText().toLowerCase(Locale.ROOT)));
        return result;
    }

    private static void crossCheck(List<CaseArea> areas, List<Problem> problems) {
        Map<String, CorsCase> byId = new HashMap<>();
        Map<String, CorsCase> byDescription = new HashMap<>();
        Map<RowSetup, CorsCase> bySetup = new HashMap<>();
        for (CaseArea area : areas) {
            for (CorsCase c : area.cases()) {
                CorsCase twin = byId.putIfAbsent(c.id(), c);
                if (twin != null) {
                    problems.add(new Problem(c.file(), c.id(), "id", "duplicates the id of a row in " + twin.file()));
                }
                CorsCase same = byDescription.putIfAbsent(c.description().toLowerCase(Locale.ROOT), c);
                if (same != null) {
                    problems.add(new Problem(c.file(), c.id(), "description",
                            "duplicates the description of row " + same.id() + " in " + same.file()));
                }
                CorsCase sameSetup = bySetup.putIfAbsent(RowSetup.of(c), c);
                if (sameSetup != null) {
                    problems.add(new Problem(c.file(), c.id(), null, "has the same server answers and requests "
                            + "as row " + sameSetup.id() + " in " + sameSetup.file() + ": it runs the same experiment "
                            + "(its expectation can only repeat or contradict that row's); merge the two rows"));
                }
            }
        }
        for (CaseArea area : areas) {
            for (CorsCase c : area.cases()) {
                boolean negative = c.expect().verdict() != Verdict.ALLOWED;
                if (c.control() == null) {
                    if (negative) {
                        problems.add(new Problem(c.file(), c.id(), "control", "a row expecting "
                                + c.expect().verdict() + " needs a positive control: the id of an ALLOWED row that "
                                + "differs from it in one thing"));
                    }
                    continue;
                }
                CorsCase control = byId.get(c.control());
                if (control == null) {
                    problems.add(new Problem(c.file(), c.id(), "control", "names '" + c.control()
                            + "', which is no row of the table"));
                } else if (control.id().equals(c.id())) {
                    problems.add(new Problem(c.file(), c.id(), "control", "names the row itself"));
                } else if (control.expect().verdict() != Verdict.ALLOWED) {
                    problems.add(new Problem(c.file(), c.id(), "control", "names '" + c.control()
                            + "', which expects " + control.expect().verdict() + ", not ALLOWED"));
                } else {
                    List<String> differences = RowDifference.between(c, control);
                    if (differences.size() != 1) {
                        problems.add(new Problem(c.file(), c.id(), "control", "'" + c.control()
                                + "' must differ from this row in exactly one thing (server answer or request); "
                                + (differences.isEmpty() ? "they are identical" : "they differ in "
                                + differences.size() + ": " + String.join(", ", differences))));
                    }
                }
            }
        }
    }
}
