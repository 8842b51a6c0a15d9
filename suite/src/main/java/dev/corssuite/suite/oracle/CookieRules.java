package dev.corssuite.suite.oracle;

import java.util.Locale;

/**
 * Whether the case's cookie goes along with a request that includes credentials, by the cookie rules (RFC 6265bis)
 * as far as rows use them: it is stored only when set same-site or with {@code SameSite=None; Secure}, it goes only
 * to its own host, and cross-site only when {@code SameSite=None}.
 */
final class CookieRules {
    private CookieRules() {
    }

    static boolean sent(String attributes, String pageOrigin, String setOn, String target) {
        String normalized = attributes.toLowerCase(Locale.ROOT).replace(" ", "");
        boolean none = normalized.contains("samesite=none");
        boolean stored = Urls.sameSite(pageOrigin, setOn) || (none && normalized.contains("secure"));
        return stored && Urls.hostOf(target).equals(Urls.hostOf(setOn)) && (Urls.sameSite(pageOrigin, target) || none);
    }
}
