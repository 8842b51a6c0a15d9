package dev.corssuite.suite.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.corssuite.origins.HeaderLine;
import dev.corssuite.suite.oracle.Prediction;
import dev.corssuite.suite.request.Initiator;
import dev.corssuite.suite.request.RequestSpec;
import dev.corssuite.suite.verify.RequestOutcome;
import dev.corssuite.suite.verify.direct.RawAnswer;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request of the page's history as data the suite reads: a case-table row (a case file of one row, schema
 * {@code case-file.schema.json}) whose origin answers as the target did, the expectation being what the oracle says
 * of those answers; and the one-endpoint policy the request was checked against ({@code cors-policy.schema.json}).
 */
final class CaseRowExport {
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private CaseRowExport() {
    }

    /** A case file (area {@code exported}) with the request as its one row. */
    static String caseFile(int number, SingleRequestRun.Ran ran) {
        RequestOutcome o = ran.result().outcomes().get(0);
        RequestSpec spec = o.request().spec();
        String pageOrigin = o.request().from().origin();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "exported-request-" + number);
        row.put("description", "A " + spec.method() + " by " + spec.api().fileName() + " to a cross-port origin "
                + "answering as " + ran.form().targetBase() + " did");
        row.put("spec", "https://fetch.spec.whatwg.org/#http-cors-protocol");
        Map<String, Object> server = new LinkedHashMap<>();
        if (o.direct().preflight() != null && o.direct().preflight().answered()) {
            server.put("preflight", answer(o.direct().preflight(), pageOrigin));
        }
        if (o.direct().actual() != null && o.direct().actual().answered()) {
            server.put("actual", answer(o.direct().actual(), pageOrigin));
        }
        if (!server.isEmpty()) {
            row.put("server", server);
        }
        row.put("request", request(spec));
        row.put("expect", expectation(o.fromAnswers()));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("area", "exported");
        file.put("title", "Requests exported from the interactive page");
        file.put("cases", List.of(row));
        return (o.fromAnswers().verdict() == dev.corssuite.suite.facts.Verdict.ALLOWED ? ""
                : "# Before this row joins fixtures/cases/, give it control: the id of an ALLOWED row that differs from "
                + "it in one thing\n# (the server answer that grants it); the table refuses a negative row without "
                + "one.\n") + write(file);
    }

    /** The policy the request was checked against: its origin, method, headers and credentials on its path. */
    static String policy(SingleRequestForm form) {
        return write(form.policy());
    }

    private static Map<String, Object> request(RequestSpec spec) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("to", "cross-port");
        if (spec.api() != Initiator.FETCH) {
            request.put("api", spec.api().fileName());
        }
        if (!spec.method().equals("GET")) {
            request.put("method", spec.method());
        }
        if (!spec.headers().isEmpty()) {
            request.put("headers", lines(spec.headers(), null));
        }
        if (spec.body() != null) {
            request.put("body", spec.body());
        }
        if (spec.credentials() != dev.corssuite.suite.request.CredentialsMode.SAME_ORIGIN) {
            request.put("credentials", spec.credentials().fileName());
        }
        if (spec.crossorigin() != null) {
            request.put("crossorigin", spec.crossorigin().fileName());
        }
        if (spec.timeoutMs() != RequestSpec.DEFAULT_TIMEOUT_MS) {
            request.put("timeoutMs", spec.timeoutMs());
        }
        return request;
    }

    private static Map<String, Object> expectation(Prediction p) {
        Map<String, Object> expect = new LinkedHashMap<>();
        expect.put("verdict", p.verdict().name());
        if (p.facts().preflight() != null) {
            expect.put("preflight", p.facts().preflight());
        }
        if (p.facts().reached() != null) {
            expect.put("reached", p.facts().reached());
        }
        return expect;
    }

    /** The status and the headers that matter to CORS; the page's origin written as the table's placeholder. */
    private static Map<String, Object> answer(RawAnswer answer, String pageOrigin) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", answer.status());
        List<HeaderLine> kept = answer.headers().stream().filter(h -> {
            String name = h.name().toLowerCase(Locale.ROOT);
            return name.startsWith("access-control-") || name.equals("vary") || name.equals("content-type")
                    || name.equals("www-authenticate");
        }).toList();
        if (!kept.isEmpty()) {
            out.put("headers", lines(kept, pageOrigin));
        }
        return out;
    }

    private static List<Map<String, String>> lines(List<HeaderLine> headers, String pageOrigin) {
        List<Map<String, String>> lines = new ArrayList<>();
        headers.forEach(h -> lines.add(Map.of(h.name(), pageOrigin != null && h.value().equals(pageOrigin)
                ? "{origin:page}" : h.value())));
        return lines;
    }

    private static String write(Object tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
