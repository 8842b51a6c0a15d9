package dev.corssuite.suite.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** A request's credentials mode (Fetch): whether cookies and HTTP authentication go with it. */
public enum CredentialsMode {
    OMIT("omit"),
    SAME_ORIGIN("same-origin"),
    INCLUDE("include");

    private final String fileName;

    CredentialsMode(String fileName) {
        this.fileName = fileName;
    }

    /** As case files, policies and the Fetch API write it. */
    @JsonValue
    public String fileName() {
        return fileName;
    }

    public static CredentialsMode fromFileName(String name) {
        return FileNames.parse(values(), CredentialsMode::fileName, name, "credentials mode");
    }
}
