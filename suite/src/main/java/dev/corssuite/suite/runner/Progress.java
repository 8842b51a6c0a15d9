package dev.corssuite.suite.runner;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;

/** Probes done per browser, on one rewritten line on a terminal and as plain lines in logs. */
public final class Progress implements Runner.Listener {
    private final PrintStream out;
    private final String noun;
    private final boolean terminal;

    public Progress(PrintStream out, String noun) {
        this(out, noun, System.console() != null && !"true".equals(System.getenv("CI")));
    }

    Progress(PrintStream out, String noun, boolean terminal) {
        this.out = out;
        this.noun = noun;
        this.terminal = terminal;
    }

    public static Progress silent() {
        return new Progress(new PrintStream(OutputStream.nullOutputStream()), "cases", false);
    }

    @Override
    public void batchDone(String engine, int done, int total, Duration elapsed) {
        update(engine, done, total, elapsed);
    }

    /** One line: "[chromium] 40/292 cases, 3.1 s". */
    public synchronized void update(String engine, int done, int total, Duration elapsed) {
        String line = String.format("[%s] %d/%d %s, %.1f s", engine, done, total, noun, elapsed.toMillis() / 1000.0);
        if (terminal) {
            out.print("\r" + line + (done == total ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
