/**
 * Embedded Undertow servers that play distinct web origins for the browser under test: the page origin that serves
 * {@code fixtures/pages/}, and the cross-port, cross-host and redirect-hop origins. Every origin answers CORS
 * endpoints at {@code /cors/<token>} exactly as the case registered under that token says, and records each request
 * in the {@link dev.corssuite.origins.RequestJournal}. Nothing here knows about browsers, case files or verdicts.
 */
package dev.corssuite.origins;
