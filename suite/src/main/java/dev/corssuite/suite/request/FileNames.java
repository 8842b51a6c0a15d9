package dev.corssuite.suite.request;

import java.util.Arrays;
import java.util.function.Function;

/** Looks up an enum constant by the name input files use for it, with an error that lists the names. */
final class FileNames {
    private FileNames() {
    }

    static <E extends Enum<E>> E parse(E[] values, Function<E, String> fileName, String name, String what) {
        return Arrays.stream(values).filter(v -> fileName.apply(v).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + name + "'; use one of "
                        + String.join(", ", Arrays.stream(values).map(fileName).toList())));
    }
}
