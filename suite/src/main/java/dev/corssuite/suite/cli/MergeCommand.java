package dev.corssuite.suite.cli;

import dev.corssuite.suite.results.Results;
import dev.corssuite.suite.results.ResultsMerge;
import dev.corssuite.suite.run.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Joins the results.json of several jobs (one browser each) into one compliance matrix and one HTML report. */
@Command(name = "merge", description = "Merge results.json files of runs in different browsers into one compliance "
        + "matrix and HTML report (the last job of a CI browser matrix); exit 0 once written.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RESULTS_JSON", description = "results.json of each run")
    List<Path> files;

    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write the HTML report reports/allure-report/index.html (default: yes)")
    boolean report;

    @Override
    public Integer call() throws IOException {
        Results merged;
        Path root;
        try {
            root = RunSettings.projectRoot();
            List<Results> runs = new ArrayList<>();
            for (Path file : files) {
                runs.add(ResultsMerge.read(file));
            }
            merged = ResultsMerge.merge(runs);
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            System.err.println("cannot merge: " + e.getMessage());
            return 2;
        }
        System.out.println("Merged " + files.size() + " run(s): " + String.join(", ",
                merged.engines().stream().map(e -> e.name() + " " + e.version()).toList()) + "; "
                + merged.items().size() + " " + merged.mode().noun() + ", " + merged.findings().size() + " finding(s)");
        int status = ReportOutput.write(merged, root, null, report, 0, System.out, System.err);
        return status == ReportOutput.NO_REPORT ? status : 0;
    }
}
