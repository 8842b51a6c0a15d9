package dev.corssuite.origins;

import java.util.Objects;

/** One header line as written on the wire: repeated names are separate lines, values are kept byte for byte. */
public record HeaderLine(String name, String value) {
    public HeaderLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
