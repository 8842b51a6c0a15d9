package dev.corssuite.suite.cli;

import dev.corssuite.suite.run.EngineSelection;
import dev.corssuite.suite.run.RunSettings;
import dev.corssuite.suite.table.CaseTable;
import dev.corssuite.suite.table.CaseTableException;

import java.io.PrintStream;
import java.util.Optional;

/**
 * What a command runs on, checked before any browser starts: settings, the loaded table and the chosen engines.
 * Bad input (a malformed table, an unknown or missing browser, no fixtures) is printed once and becomes exit 2.
 */
record RunInputs(RunSettings settings, CaseTable table, EngineSelection selection) {
    static final int BAD_INPUT = 2;

    static Optional<RunInputs> resolve(PlacementOptions placement, String browsers, String cases, PrintStream err) {
        placement.publish();
        System.setProperty("cors.browsers", browsers);
        System.setProperty("cors.cases", cases);
        try {
            RunSettings settings = RunSettings.fromSystem();
            return Optional.of(new RunInputs(settings, CaseTable.load(settings.fixtures()),
                    settings.engines()));
        } catch (CaseTableException | IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return Optional.empty();
        }
    }
}
