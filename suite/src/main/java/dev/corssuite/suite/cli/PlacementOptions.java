package dev.corssuite.suite.cli;

import dev.corssuite.suite.run.OriginAddresses;
import dev.corssuite.suite.run.RunSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** Where the browsers run and where the origins listen; shared by every command that starts browsers. */
final class PlacementOptions {
    @Option(names = "--grid", paramLabel = "URL",
            description = "Run the browsers on this Selenium Grid (hub or standalone), e.g. http://grid:4444")
    String grid;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address the origins (verify: the suite's proxy) listen on (default 127.0.0.1; 0.0.0.0 for "
                    + "all interfaces)")
    String bind;

    @Option(names = "--advertise-host", paramLabel = "HOST[,HOST2]",
            description = "Host name(s) the browsers use to reach the origins (default localhost,127.0.0.1); "
                    + "the second one serves the cross-host origins. verify: the first names the suite's proxy")
    String advertiseHost;

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "1",
            description = "Browser sessions per engine, each running its share of the table or the verify matrix "
                    + "(e.g. a Grid's slots; default 1)")
    int sessions;

    /** The run's settings: these placements, the project's root, the browsers, case filter and results folder. */
    RunSettings settings(String browsers, String cases, Path results) {
        return new RunSettings(RunSettings.projectRoot(), RunSettings.split(browsers), RunSettings.split(cases),
                results, Optional.ofNullable(grid), OriginAddresses.of(Optional.ofNullable(bind),
                Optional.ofNullable(advertiseHost)));
    }
}
