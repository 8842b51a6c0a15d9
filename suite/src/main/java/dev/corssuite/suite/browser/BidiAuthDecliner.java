package dev.corssuite.suite.browser;

import org.openqa.selenium.bidi.BiDi;
import org.openqa.selenium.bidi.Command;
import org.openqa.selenium.bidi.Event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Declines every authentication challenge over WebDriver BiDi: an intercept in the {@code authRequired} phase holds
 * the request where the browser would prompt, and {@code network.continueWithAuth} with action {@code cancel} answers
 * as a user dismissing the prompt, so the page receives the 401 response.
 */
final class BidiAuthDecliner implements AuthChallenges {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private final BiDi bidi;
    private final DeclinedChallenges declined = new DeclinedChallenges();
    // Answers leave the event thread: a blocking send from inside Selenium's event dispatch would wait on itself.
    private final ExecutorService answers = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "bidi-auth-decliner");
        thread.setDaemon(true);
        return thread;
    });

    @SuppressWarnings("unchecked")
    BidiAuthDecliner(BiDi bidi) {
        this.bidi = bidi;
        bidi.addListener(new Event<Map<String, Object>>("network.authRequired", params -> params), this::decline);
        bidi.send(new Command<>("network.addIntercept", Map.of("phases", List.of("authRequired")), Map.class));
    }

    @SuppressWarnings("unchecked")
    private void decline(Map<String, Object> event) {
        Map<String, Object> request = (Map<String, Object>) event.get("request");
        Map<String, Object> response = (Map<String, Object>) event.get("response");
        declined.add(new AuthChallenge(String.valueOf(request.get("url")),
                response == null ? 0 : ((Number) response.getOrDefault("status", 0)).intValue()));
        if (!Boolean.TRUE.equals(event.get("isBlocked"))) {
            return;
        }
        answers.execute(() -> {
            try {
                bidi.send(new Command<>("network.continueWithAuth",
                        Map.of("request", request.get("request"), "action", "cancel"), Map.class), ANSWER_TIMEOUT);
            } catch (RuntimeException ignored) {
                // the request was aborted by the page or the browser is closing; nothing waits on it any more
            }
        });
    }

    @Override
    public boolean declines() {
        return true;
    }

    @Override
    public String how() {
        return "declined over WebDriver BiDi (network.addIntercept authRequired + network.continueWithAuth cancel)";
    }

    @Override
    public List<AuthChallenge> takeDeclined() {
        return declined.take();
    }

    @Override
    public void close() {
        answers.shutdownNow();
    }
}
