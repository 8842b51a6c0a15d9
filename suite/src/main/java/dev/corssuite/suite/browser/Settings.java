package dev.corssuite.suite.browser;

import java.util.Optional;

/** A user setting, read from a system property ({@code -Dcors.x.y}) or else its environment variable ({@code CORS_X_Y}). */
public final class Settings {
    private Settings() {
    }

    public static Optional<String> get(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(envName(property));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public static String envName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** "-Dcors.chromedriver=... or CORS_CHROMEDRIVER=..." for messages. */
    public static String howToSet(String property, String example) {
        return "-D" + property + "=" + example + " (or " + envName(property) + "=" + example + ")";
    }
}
