package dev.corssuite.suite.verify.findings;

import java.util.Locale;

/** The misconfigurations the suite looks for, each with what it means for a user. */
public enum FindingKind {
    ORIGIN_REFLECTED(Severity.HIGH, "The server echoes any Origin in Access-Control-Allow-Origin",
            "any web site can read these answers in its visitors' browsers"),
    NULL_ALLOWED(Severity.HIGH, "The server allows the origin null",
            "sandboxed frames and data: documents of any site send Origin: null"),
    LOOKALIKE_ALLOWED(Severity.HIGH, "The server allows look-alikes of an allowed origin",
            "the origin check matches more than the policy's origins (prefix, suffix, unescaped dot ...)"),
    WILDCARD_WITH_CREDENTIALS(Severity.MEDIUM,
            "Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true",
            "browsers refuse this pair on credentialed requests; list the origins instead"),
    MISSING_VARY(Severity.MEDIUM, "Access-Control-Allow-Origin depends on Origin but the answer lacks Vary: Origin",
            "a shared cache can serve one origin's answer to another"),
    NO_CORS_ON_ERRORS(Severity.LOW, "Error answers (4xx/5xx) carry no CORS headers",
            "the page cannot read the error status or body; it sees a network error instead"),
    PREFLIGHT_REFUSED(Severity.MEDIUM,
            "The preflight is refused by authentication or a redirect (401/403/3xx on OPTIONS)",
            "browsers never send credentials or follow redirects on a preflight; CORS must answer OPTIONS first"),
    OPTIONS_NOT_ROUTED(Severity.MEDIUM, "OPTIONS is not routed (404/405 on the preflight)",
            "every non-simple request fails at the preflight"),
    PREFLIGHT_WITHOUT_CREDENTIALS(Severity.MEDIUM, "The preflight answer lacks Access-Control-Allow-Credentials: true",
            "credentialed requests that need a preflight fail even though the actual answer allows credentials"),
    MAX_AGE_ABOVE_CAPS(Severity.INFO, "Access-Control-Max-Age is above what browsers honour",
            "browsers cap it (WebKit 600 s, Chromium 7200 s, Firefox 86400 s); the preflight is repeated sooner"),
    POLICY_ALLOWS_SERVER_REJECTS(Severity.MEDIUM, "Requests the policy allows are blocked in the browser",
            "the server's CORS answer does not grant what the policy intends"),
    SERVER_ALLOWS_POLICY_REJECTS(Severity.HIGH, "Requests the policy refuses are allowed in the browser",
            "the server grants more than the policy intends"),
    EXPOSED_HEADER_UNREADABLE(Severity.LOW, "A header the policy exposes cannot be read by script",
            "the answer lacks it in Access-Control-Expose-Headers"),
    NO_ANSWER(Severity.MEDIUM, "Requests got no answer in time",
            "the endpoint hangs or drops the connection"),
    /**
     * High; critical when credentials are possible ({@link Severity#of}): the policy has {@code credentials: true}
     * (cookies that cross-site CORS requests carry are SameSite=None, so a hostile page's handshake carries them too)
     * or a handshake carried Cookie or Authorization.
     */
    WEBSOCKET_HIJACKING(Severity.HIGH, "A WebSocket accepts a hostile Origin (cross-site WebSocket hijacking)",
            "WebSockets have no CORS: a page of any site opens it and talks to it as its visitor; critical when "
                    + "credentials are possible (the browser sends the site's cookies with the handshake)"),
    ASSET_UNUSABLE(Severity.MEDIUM, "A font, module script, stylesheet or event stream cannot be used from an allowed "
            + "origin", "it is fetched in CORS mode (fonts, module scripts and event streams always, a stylesheet with "
            + "crossorigin) and the answer fails the CORS check: the font does not render, the module does not run, "
            + "cssRules throw, the stream errors"),
    CANVAS_TAINTED(Severity.MEDIUM, "An image cannot be drawn on a canvas and read back by an allowed origin",
            "with crossorigin the image fails to load; without it, it taints the canvas, so getImageData and "
                    + "toDataURL throw"),
    SCRIPT_ERRORS_HIDDEN(Severity.LOW, "A classic script's errors stay hidden from an allowed origin",
            "with crossorigin the script does not run; without it, it runs but its errors reach window.onerror only "
                    + "as \"Script error.\""),
    EVENTSOURCE_CREDENTIALS_REFUSED(Severity.MEDIUM, "An EventSource with credentials is refused for an allowed "
            + "origin", "new EventSource(url, {withCredentials: true}) fails: the answer must name the origin (not *) "
            + "and send Access-Control-Allow-Credentials: true");

    private final Severity severity;
    private final String title;
    private final String meaning;

    FindingKind(Severity severity, String title, String meaning) {
        this.severity = severity;
        this.title = title;
        this.meaning = meaning;
    }

    /** The kind's severity; {@link Severity#of(Finding)} gives a finding's, which can be higher. */
    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    /** "origin-reflected" */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
