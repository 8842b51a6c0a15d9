package dev.corssuite.suite.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** A request's mode (Fetch): whether it is a CORS request, an opaque no-cors one, or same-origin only. */
public enum RequestMode {
    CORS("cors"),
    NO_CORS("no-cors"),
    SAME_ORIGIN("same-origin");

    private final String fileName;

    RequestMode(String fileName) {
        this.fileName = fileName;
    }

    @JsonValue
    public String fileName() {
        return fileName;
    }

    public static RequestMode fromFileName(String name) {
        return FileNames.parse(values(), RequestMode::fileName, name, "mode");
    }
}
