package dev.corssuite.suite.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The trend data one report hands to the next. Allure reads a previous run's {@code history/*.json} from the results
 * folder; a single-file report embeds them as {@code d('history/NAME.json','BASE64')}, so they are taken from there.
 */
final class ReportHistory {
    private static final Pattern EMBEDDED = Pattern.compile("d\\('history/([A-Za-z0-9-]+\\.json)','([A-Za-z0-9+/=]*)'\\)");

    private final Path kept;

    ReportHistory(Path kept) {
        this.kept = kept;
    }

    /** Puts the kept history where Allure looks for it in the results folder; returns how many files. */
    int handTo(Path results) {
        if (!Files.isDirectory(kept)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(kept)) {
            Path target = Files.createDirectories(results.resolve("history"));
            int count = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the report history from " + kept, e);
        }
    }

    /** Keeps the history embedded in a single-file report for the next run; returns how many files. */
    int keepFrom(String singleFileReport) {
        Matcher m = EMBEDDED.matcher(singleFileReport);
        int count = 0;
        try {
            Files.createDirectories(kept);
            while (m.find()) {
                Files.write(kept.resolve(m.group(1)), Base64.getDecoder().decode(m.group(2)));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the report history in " + kept, e);
        }
        return count;
    }
}
