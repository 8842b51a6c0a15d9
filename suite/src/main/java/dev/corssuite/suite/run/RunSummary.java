package dev.corssuite.suite.run;

import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.ITestListener;
import org.testng.ITestResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects each row's outcome per browser and prints the per-browser summary when the suite ends: cases matched /
 * differed, by expected verdict, and which cases differed.
 */
public final class RunSummary implements ITestListener, ISuiteListener {
    private final PrintStream out;
    private final Map<String, Tally> byBrowser = new TreeMap<>();
    private final ComplianceMatrix matrix = new ComplianceMatrix();

    public RunSummary() {
        this(System.out);
    }

    public RunSummary(PrintStream out) {
        this.out = out;
    }

    static final class Tally {
        int matched;
        int differed;
        int errors;
        int skipped;
        int knownDeviations;
        int specWptSplits;
        String version = "";
        String drivenBy = "";
        final Map<String, int[]> byVerdict = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
    }

    @Override
    public synchronized void onTestSuccess(ITestResult result) {
        tally(result).ifPresent(t -> {
            t.matched++;
            verdict(t, result)[0]++;
        });
        cell(result, ComplianceMatrix.Cell.MATCHES);
    }

    @Override
    public synchronized void onTestFailure(ITestResult result) {
        tally(result).ifPresent(t -> {
            boolean differed = result.getThrowable() instanceof AssertionError;
            if (differed) {
                t.differed++;
                verdict(t, result)[1]++;
            } else {
                t.errors++;
            }
            t.problems.add((differed ? "differs: " : "error: ") + result.getThrowable().getMessage());
        });
        cell(result, result.getThrowable() instanceof AssertionError ? ComplianceMatrix.Cell.DIFFERS
                : ComplianceMatrix.Cell.NOT_RUN);
    }

    @Override
    public synchronized void onTestSkipped(ITestResult result) {
        tally(result).ifPresent(t -> {
            if (result.getThrowable() instanceof KnownDeviation) {
                t.knownDeviations++;
                t.problems.add("known deviation: " + result.getThrowable().getMessage());
            } else if (result.getThrowable() instanceof SpecWptDisagreement) {
                t.specWptSplits++;
                t.problems.add("spec and WPT disagree: " + result.getThrowable().getMessage());
            } else {
                t.skipped++;
            }
        });
        cell(result, result.getThrowable() instanceof KnownDeviation ? ComplianceMatrix.Cell.KNOWN_DEVIATION
                : result.getThrowable() instanceof SpecWptDisagreement ? ComplianceMatrix.Cell.SPEC_WPT_SPLIT
                : ComplianceMatrix.Cell.NOT_RUN);
    }

    private void cell(ITestResult result, ComplianceMatrix.Cell cell) {
        Object area = result.getAttribute(ConformanceTest.AREA);
        if (area != null) {
            matrix.record(area.toString(), result.getAttribute(ConformanceTest.CASE).toString(),
                    result.getAttribute(ConformanceTest.DESCRIPTION).toString(),
                    result.getAttribute(ConformanceTest.BROWSER).toString(), cell);
        }
    }

    public ComplianceMatrix matrix() {
        return matrix;
    }

    private java.util.Optional<Tally> tally(ITestResult result) {
        Object browser = result.getAttribute(ConformanceTest.BROWSER);
        if (browser == null) {
            return java.util.Optional.empty();
        }
        Tally tally = byBrowser.computeIfAbsent(browser.toString(), b -> new Tally());
        if (result.getAttribute(ConformanceTest.VERSION) != null) {
            tally.version = result.getAttribute(ConformanceTest.VERSION).toString();
            tally.drivenBy = result.getAttribute(ConformanceTest.DRIVEN_BY).toString();
        }
        return java.util.Optional.of(tally);
    }

    private static int[] verdict(Tally tally, ITestResult result) {
        Object expected = result.getAttribute(ConformanceTest.EXPECTED);
        return tally.byVerdict.computeIfAbsent(String.valueOf(expected), v -> new int[2]);
    }

    public synchronized boolean allMatched() {
        return !byBrowser.isEmpty() && byBrowser.values().stream().allMatch(t -> t.differed + t.errors + t.skipped == 0);
    }

    public synchronized int browsers() {
        return byBrowser.size();
    }

    @Override
    public synchronized void onFinish(ISuite suite) {
        print();
    }

    public synchronized void print() {
        out.println();
        out.println("CORS conformance summary");
        for (var entry : byBrowser.entrySet()) {
            Tally t = entry.getValue();
            out.printf("  %-9s %d matched, %d differed, %d known deviations, %d errors, %d skipped, "
                    + "%d spec/WPT disagreements  (%s, %s)%n", entry.getKey(), t.matched, t.differed,
                    t.knownDeviations, t.errors, t.skipped, t.specWptSplits, t.version, t.drivenBy);
            t.byVerdict.forEach((verdict, counts) -> out.printf("    %-22s %d matched, %d differed%n", verdict,
                    counts[0], counts[1]));
            t.problems.stream().limit(50).forEach(p -> out.println("    " + p.lines().findFirst().orElse(p)));
            if (t.problems.size() > 50) {
                out.println("    ... and " + (t.problems.size() - 50) + " more (see the report)");
            }
        }
        out.flush();
    }
}
