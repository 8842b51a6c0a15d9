/**
 * Misconfigurations found in a verification run, each with its evidence: what the server answered (browser-free)
 * and, where it matters, what the browsers did. Detection only reads {@link dev.corssuite.suite.verify.RequestOutcome}s;
 * nothing here sends a request.
 */
package dev.corssuite.suite.verify.findings;
