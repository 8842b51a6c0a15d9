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
        for (CredentialsMode mode : values()) {
            if (mode.fileName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown credentials mode '" + name + "'; use omit, same-origin or include");
    }
}
