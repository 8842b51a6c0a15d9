package dev.corssuite.suite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./cors-suite}. */
@Command(name = "cors-suite", mixinStandardHelpOptions = true, version = "cors-suite 0.1.0",
        description = "What real browsers do with a server's CORS headers.",
        subcommands = {RunCommand.class, VerifyCommand.class, MergeCommand.class, BenchCommand.class,
                ServeCommand.class})
public final class CorsSuite {
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        // Selenium Manager must never wait on the network: the suite resolves drivers itself.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        System.exit(new CommandLine(new CorsSuite()).execute(args));
    }
}
