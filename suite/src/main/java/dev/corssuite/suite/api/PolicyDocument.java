package dev.corssuite.suite.api;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy written in code instead of a YAML file. It becomes the same YAML document (written to the work folder)
 * and is read and schema-checked like a file, so both forms mean exactly the same.
 */
public final class PolicyDocument {
    private final List<String> origins = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();
    private final List<String> requestHeaders = new ArrayList<>();
    private final List<String> exposedHeaders = new ArrayList<>();
    private final List<Map<String, Object>> endpoints = new ArrayList<>();
    private Boolean credentials;
    private Integer maxAge;
    private Integer timeoutMs;

    private PolicyDocument() {
    }

    public static PolicyDocument builder() {
        return new PolicyDocument();
    }

    /** Exact origins, "https://*.example.com" patterns, or "*". */
    public PolicyDocument origins(String... values) {
        origins.addAll(List.of(values));
        return this;
    }

    public PolicyDocument methods(String... values) {
        methods.addAll(List.of(values));
        return this;
    }

    public PolicyDocument requestHeaders(String... values) {
        requestHeaders.addAll(List.of(values));
        return this;
    }

    public PolicyDocument exposedHeaders(String... values) {
        exposedHeaders.addAll(List.of(values));
        return this;
    }

    public PolicyDocument credentials(boolean value) {
        credentials = value;
        return this;
    }

    public PolicyDocument maxAge(int seconds) {
        maxAge = seconds;
        return this;
    }

    public PolicyDocument timeoutMs(int value) {
        timeoutMs = value;
        return this;
    }

    /** A path to exercise; with methods, only those are tried there. */
    public PolicyDocument endpoint(String path, String... endpointMethods) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("path", path);
        if (endpointMethods.length > 0) {
            endpoint.put("methods", List.of(endpointMethods));
        }
        endpoints.add(endpoint);
        return this;
    }

    /** The policy as the YAML document the schema describes. */
    public String toYaml() {
        Map<String, Object> doc = new LinkedHashMap<>();
        putList(doc, "origins", origins);
        putList(doc, "methods", methods);
        putList(doc, "requestHeaders", requestHeaders);
        putList(doc, "exposedHeaders", exposedHeaders);
        if (credentials != null) {
            doc.put("credentials", credentials);
        }
        if (maxAge != null) {
            doc.put("maxAge", maxAge);
        }
        if (timeoutMs != null) {
            doc.put("timeoutMs", timeoutMs);
        }
        if (!endpoints.isEmpty()) {
            doc.put("endpoints", endpoints);
        }
        try {
            return new YAMLMapper().writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# written by PolicyDocument\n" + toYaml());
        return file;
    }

    private static void putList(Map<String, Object> doc, String key, List<String> values) {
        if (!values.isEmpty()) {
            doc.put(key, List.copyOf(values));
        }
    }
}
