package dev.corssuite.suite.browser;

import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.json.JsonInput;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Chromium's answer to authentication challenges: it is started with no HTTP authentication scheme enabled (the
 * {@code auth.schemes} Local State preference, which the AuthSchemes policy also sets), so it never prompts and the
 * page receives the 401 at once, as after a declined prompt. Answering over the DevTools protocol instead
 * ({@code Fetch.enable} with {@code handleAuthRequests}, also what chromedriver's BiDi does for an
 * {@code authRequired} intercept) needs every request intercepted, and an intercepted same-origin request redirected
 * cross-origin then arrives without its Origin header: the suite would measure the interception, not Chromium.
 * The challenges are recorded from DevTools network events, which intercept nothing.
 */
final class ChromiumAuthRefusal implements AuthChallenges {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private final DevTools devTools;
    private static final java.time.Duration CLOSE = java.time.Duration.ofSeconds(2);
    private final DeclinedChallenges declined = new DeclinedChallenges();

    /** Starts Chromium with Basic, Digest, NTLM and Negotiate all disabled. */
    static ChromeOptions refuseAuthentication(ChromeOptions options) {
        options.setExperimentalOption("localState", Map.of("auth", Map.of("schemes", "")));
        return options;
    }

    ChromiumAuthRefusal(HasDevTools driver) {
        this.devTools = driver.getDevTools();
        devTools.createSession();
        devTools.addListener(new Event<>("Network.responseReceived", ChromiumAuthRefusal::read), this::record);
        devTools.send(new Command<>("Network.enable", Map.of(), ChromiumAuthRefusal::skip), COMMAND_TIMEOUT);
    }

    @SuppressWarnings("unchecked")
    private void record(Map<String, Object> event) {
        Map<String, Object> response = (Map<String, Object>) event.get("response");
        int status = ((Number) response.getOrDefault("status", 0)).intValue();
        Map<String, Object> headers = (Map<String, Object>) response.getOrDefault("headers", Map.of());
        String challengeHeader = status == 407 ? "proxy-authenticate" : "www-authenticate";
        if ((status == 401 || status == 407)
                && headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(challengeHeader))) {
            declined.add(new AuthChallenge(String.valueOf(response.get("url")), status));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(JsonInput input) {
        return (Map<String, Object>) input.read(Map.class);
    }

    private static Void skip(JsonInput input) {
        input.skipValue();
        return null;
    }

    @Override
    public boolean declines() {
        return true;
    }

    @Override
    public String how() {
        return "declined: Chromium runs with no HTTP authentication scheme enabled (auth.schemes), so it never "
                + "prompts; challenges recorded from DevTools network events";
    }

    @Override
    public List<AuthChallenge> takeDeclined() {
        return declined.take();
    }

    @Override
    /**
     * Closes the DevTools connection, waiting at most {@link #CLOSE}: closing sends commands to the browser, which on
     * an interrupt is being ended at the same moment and would let each command wait out its own timeout.
     */
    public void close() {
        Thread closing = new Thread(() -> {
            try {
                devTools.close();
            } catch (RuntimeException ignored) {
                // the browser is already gone
            }
        }, "devtools-close");
        closing.setDaemon(true);
        closing.start();
        try {
            closing.join(CLOSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
