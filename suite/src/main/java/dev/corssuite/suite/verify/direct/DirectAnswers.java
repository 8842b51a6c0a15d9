package dev.corssuite.suite.verify.direct;

/** The browser-free answers for one request: the preflight's (null when none is needed) and the actual one's. */
public record DirectAnswers(RawAnswer preflight, RawAnswer actual) {
}
