package dev.corssuite.suite.browser;

import org.openqa.selenium.bidi.BiDi;
import org.openqa.selenium.bidi.Command;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The session's page (its first browsing context) driven over WebDriver BiDi: navigate, and evaluate a promise. */
final class BidiPage {
    private final BiDi bidi;
    private final String engine;
    private final String context;

    @SuppressWarnings("unchecked")
    BidiPage(BiDi bidi, String engine) {
        this.bidi = bidi;
        this.engine = engine;
        Map<String, Object> tree = bidi.send(new Command<>("browsingContext.getTree", Map.of(), Map.class));
        this.context = String.valueOf(((List<Map<String, Object>>) tree.get("contexts")).get(0).get("context"));
    }

    void navigate(String url) {
        bidi.send(new Command<>("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"),
                Map.class));
    }

    /** The promise's string value (null for any other value); throws when the script throws. */
    @SuppressWarnings("unchecked")
    String evaluateAsync(String promiseExpression, Duration timeout) {
        Map<String, Object> answer = bidi.send(new Command<>("script.evaluate", Map.of(
                "expression", promiseExpression,
                "target", Map.of("context", context),
                "awaitPromise", true,
                "resultOwnership", "none"), Map.class), timeout);
        if (!"success".equals(answer.get("type"))) {
            throw new IllegalStateException("script failed in " + engine + ": " + answer.get("exceptionDetails"));
        }
        Map<String, Object> result = (Map<String, Object>) answer.get("result");
        return "string".equals(result.get("type")) ? String.valueOf(result.get("value")) : null;
    }

    /** The whole document as a PNG. */
    @SuppressWarnings("unchecked")
    byte[] screenshot() {
        Map<String, Object> shot = bidi.send(new Command<>("browsingContext.captureScreenshot",
                Map.of("context", context, "origin", "document"), Map.class));
        return java.util.Base64.getDecoder().decode(String.valueOf(shot.get("data")));
    }

    void viewport(int width, int height) {
        bidi.send(new Command<>("browsingContext.setViewport", Map.of("context", context,
                "viewport", Map.of("width", width, "height", height)), Map.class));
    }
}
