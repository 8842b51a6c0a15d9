package dev.corssuite.suite.run;

import dev.corssuite.suite.browser.BrowserSession;
import dev.corssuite.suite.browser.Engine;
import org.openqa.selenium.Capabilities;
import org.testng.annotations.Test;

import java.util.List;
import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

public class EngineSelectionTest {
    private record FakeEngine(String name, Optional<String> missing) implements Engine {
        @Override
        public BrowserSession start() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BrowserSession start(dev.corssuite.suite.browser.SessionProxy proxy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Capabilities gridCapabilities() {
            throw new UnsupportedOperationException();
        }
    }

    private static final Engine INSTALLED = new FakeEngine("alpha", Optional.empty());
    private static final Engine MISSING = new FakeEngine("beta", Optional.of("beta is not installed: apt-get install beta"));

    @Test
    public void allTakesTheInstalledAndReportsTheMissingAsSkipped() {
        EngineSelection s = EngineSelection.choose(List.of("all"), List.of(INSTALLED, MISSING));
        assertEquals(s.engines(), List.of(INSTALLED));
        assertEquals(s.skipped().get("beta"), "beta is not installed: apt-get install beta");
    }

    @Test
    public void aRequestedMissingEngineIsAnErrorNamingTheInstall() {
        var e = expectThrows(IllegalArgumentException.class,
                () -> EngineSelection.choose(List.of("alpha", "beta"), List.of(INSTALLED, MISSING)));
        assertTrue(e.getMessage().contains("apt-get install beta"));
    }

    @Test
    public void anUnknownEngineIsAnError() {
        var e = expectThrows(IllegalArgumentException.class,
                () -> EngineSelection.choose(List.of("netscape"), List.of(INSTALLED)));
        assertTrue(e.getMessage().contains("unknown browser 'netscape'; known: alpha"));
    }
}
