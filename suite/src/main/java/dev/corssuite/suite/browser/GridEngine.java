package dev.corssuite.suite.browser;

import org.openqa.selenium.Capabilities;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;

import java.time.Duration;
import java.util.Optional;

/**
 * An engine whose browser runs on a {@link SeleniumGrid} node instead of this machine: the local engine says which
 * capabilities to ask for; whether it is installed here does not matter.
 */
public final class GridEngine implements Engine {
    // A Grid queues a new-session request while every slot is busy; a run waits this long, not the Grid's 5 minutes.
    private static final Duration NEW_SESSION = Duration.ofMinutes(2);

    private final Engine engine;
    private final SeleniumGrid grid;

    public GridEngine(Engine engine, SeleniumGrid grid) {
        this.engine = engine;
        this.grid = grid;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public Optional<String> missing() {
        String browserName = engine.gridCapabilities().getBrowserName();
        return grid.offers(browserName) ? Optional.empty()
                : Optional.of(grid + " has no node offering browserName '" + browserName + "' (offered: "
                        + (grid.offered().isEmpty() ? "none" : String.join(", ", grid.offered())) + ")");
    }

    @Override
    public Capabilities gridCapabilities() {
        return engine.gridCapabilities();
    }

    /** The proxy must be reachable from the Grid's nodes at {@code proxy}'s host (verify's --bind/--advertise-host). */
    @Override
    public BrowserSession start(SessionProxy proxy) {
        return start(engine.gridCapabilities(proxy));
    }

    @Override
    public BrowserSession start() {
        return start(engine.gridCapabilities());
    }

    private BrowserSession start(Capabilities capabilities) {
        try {
            RemoteWebDriver driver = (RemoteWebDriver) RemoteWebDriver.builder()
                    .oneOf(capabilities)
                    .config(ClientConfig.defaultConfig().baseUrl(grid.url()).readTimeout(NEW_SESSION))
                    .build();
            return new WebDriverSession(name(), driver.getCapabilities().getBrowserVersion(), grid.toString(), driver,
                    AuthChallenges.unanswerable("the session runs on " + grid + ", whose WebDriver BiDi the suite does "
                            + "not use; a request the browser prompts for ends at the probe page's per-case timeout, "
                            + "or stalls a browser that stops the page while prompting (Firefox)"), () -> { });
        } catch (SessionNotCreatedException e) {
            throw new BrowserUnavailableException(grid + " could not start " + name() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
