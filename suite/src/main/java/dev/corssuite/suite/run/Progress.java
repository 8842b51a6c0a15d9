package dev.corssuite.suite.run;

import java.io.PrintStream;
import java.time.Duration;

/** Cases done per browser, on one rewritten line on a terminal and as plain lines in logs. */
public final class Progress {
    private final PrintStream out;
    private final boolean terminal;

    public Progress(PrintStream out) {
        this(out, System.console() != null && !"true".equals(System.getenv("CI")));
    }

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public static Progress silent() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }

    public void update(String browser, int done, int total, Duration elapsed) {
        String line = String.format("[%s] %d/%d cases, %.1f s", browser, done, total, elapsed.toMillis() / 1000.0);
        if (terminal) {
            out.print("\r" + line + (done == total ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
