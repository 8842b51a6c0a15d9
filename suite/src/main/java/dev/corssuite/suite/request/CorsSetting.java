package dev.corssuite.suite.request;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An element's {@code crossorigin} attribute (HTML "CORS settings attributes"); absent is {@code null} in a
 * {@link RequestSpec}: the element's request is then no-cors with credentials (a module script's: cors, same-origin).
 */
public enum CorsSetting {
    /** {@code crossorigin=anonymous} (or any invalid value): cors mode, credentials same-origin. */
    ANONYMOUS("anonymous", CredentialsMode.SAME_ORIGIN),
    /** {@code crossorigin=use-credentials}: cors mode, credentials include. */
    USE_CREDENTIALS("use-credentials", CredentialsMode.INCLUDE);

    private final String fileName;
    private final CredentialsMode credentials;

    CorsSetting(String fileName, CredentialsMode credentials) {
        this.fileName = fileName;
        this.credentials = credentials;
    }

    /** As case files and the attribute write it. */
    @JsonValue
    public String fileName() {
        return fileName;
    }

    /** The credentials mode the attribute's state gives the request. */
    public CredentialsMode credentials() {
        return credentials;
    }

    public static CorsSetting fromFileName(String name) {
        for (CorsSetting setting : values()) {
            if (setting.fileName.equals(name)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("unknown crossorigin '" + name + "'; use anonymous or use-credentials");
    }
}
