package dev.corssuite.suite.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The parts of {@code fixtures/} a verification reads (the policy schema, the probe pages), packed into the jar
 * under {@code cors-suite/fixtures/} and copied to a work folder, so the library runs outside this repository.
 */
final class BundledFixtures {
    static final String RESOURCE = "cors-suite/fixtures";
    private static final List<String> PARTS = List.of("schema", "pages", "engines");

    private BundledFixtures() {
    }

    /** A folder that can serve as the verification's root: {@code folder} itself when it already holds a project. */
    static Path rootAt(Path folder) {
        if (Files.isDirectory(folder.resolve("fixtures").resolve("cases"))) {
            return folder;
        }
        URL url = BundledFixtures.class.getClassLoader().getResource(RESOURCE + "/schema/cors-policy.schema.json");
        if (url == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path (a broken cors-suite jar?)");
        }
        try {
            URI schema = url.toURI();
            if (schema.getScheme().equals("jar")) {
                try (FileSystem jar = jarFileSystem(schema)) {
                    copyParts(jar.getPath("/" + RESOURCE), folder.resolve("fixtures"));
                }
            } else {
                copyParts(Path.of(schema).getParent().getParent(), folder.resolve("fixtures"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the suite's pages and schema to " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileSystem jarFileSystem(URI inJar) throws IOException {
        try {
            return FileSystems.newFileSystem(inJar, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // another copy is in progress on the same jar: open our own view of it
            String jar = inJar.getSchemeSpecificPart().substring(0, inJar.getSchemeSpecificPart().indexOf("!/"));
            return FileSystems.newFileSystem(Path.of(URI.create(jar)));
        }
    }

    private static void copyParts(Path from, Path to) throws IOException {
        for (String part : PARTS) {
            Path source = from.resolve(part);
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : walk.toList()) {
                    Path target = to.resolve(part).resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
