package dev.corssuite.suite.runner;

import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.testng.Assert.assertEquals;

public class ProgressTest {
    private static String updates(boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "cases", terminal);
        progress.update("chromium", 100, 250, Duration.ofMillis(1200));
        progress.update("chromium", 250, 250, Duration.ofMillis(2500));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void aTerminalSeesOneRewrittenLinePerBrowser() {
        assertEquals(updates(true), "\r[chromium] 100/250 cases, 1.2 s\r[chromium] 250/250 cases, 2.5 s\n");
    }

    @Test
    public void aLogGetsPlainLinesWithoutCarriageReturns() {
        assertEquals(updates(false), "[chromium] 100/250 cases, 1.2 s\n[chromium] 250/250 cases, 2.5 s\n");
    }
}
