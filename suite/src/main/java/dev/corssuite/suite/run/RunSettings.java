package dev.corssuite.suite.run;

import dev.corssuite.suite.browser.SeleniumGrid;
import dev.corssuite.suite.browser.Settings;
import dev.corssuite.suite.table.CaseTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a run reads from system properties (or environment): the project root holding {@code fixtures/}, the
 * browsers to use ({@code cors.browsers}, "all" for every installed one), an optional case filter
 * ({@code cors.cases}: ids or areas, comma-separated), an optional Selenium Grid ({@code cors.grid}) and where the
 * origins listen ({@code cors.bind}, {@code cors.advertise-host}).
 */
public record RunSettings(Path root, List<String> browsers, List<String> caseFilter, Path allureResults,
                          Optional<String> grid, OriginAddresses addresses) {

    /** The project folder holding {@code fixtures/}: {@code cors.root}, or the working folder or a parent of it. */
    public static Path projectRoot() {
        Path root = Settings.get("cors.root").map(Path::of).orElseGet(RunSettings::findRoot).toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(root.resolve("fixtures").resolve("cases"))) {
            throw new IllegalStateException("no fixtures/cases under " + root + "; run from the project folder or set "
                    + Settings.howToSet("cors.root", "/path/to/project"));
        }
        return root;
    }

    public static RunSettings fromSystem() {
        return new RunSettings(projectRoot(),
                split(Settings.get("cors.browsers").orElse("all")),
                split(Settings.get("cors.cases").orElse("")),
                Path.of(Optional.ofNullable(System.getProperty("allure.results.directory")).orElse("allure-results")),
                Settings.get("cors.grid"),
                OriginAddresses.of(Settings.get("cors.bind"), Settings.get("cors.advertise-host")));
    }

    public Path fixtures() {
        return root.resolve("fixtures");
    }

    /** The engines this run asks for, on the Grid when one is set; throws IllegalArgumentException if unusable. */
    public EngineSelection engines() {
        return grid.map(url -> EngineSelection.onGrid(browsers, SeleniumGrid.connect(url)))
                .orElseGet(() -> EngineSelection.choose(browsers));
    }

    /** The table, filtered to {@link #caseFilter} (ids or areas); a filter entry that names nothing is an error. */
    public CaseTable table() {
        CaseTable all = CaseTable.load(fixtures());
        if (caseFilter.isEmpty()) {
            return all;
        }
        List<String> unknown = caseFilter.stream().filter(f -> all.cases().stream()
                .noneMatch(c -> c.id().equals(f) || c.area().equals(f))).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--cases " + String.join(",", unknown)
                    + ": no case id or area of the table has that name");
        }
        return all.filter(c -> caseFilter.contains(c.id()) || caseFilter.contains(c.area()));
    }

    public Path pages() {
        return fixtures().resolve("pages");
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("fixtures").resolve("cases"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        return Path.of("");
    }

    public static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
