/**
 * Turning what the page saw and what the server recorded into an {@link dev.corssuite.suite.verdict.Observation},
 * and comparing it with a row's expectation. Pure functions: no browser, no server.
 */
package dev.corssuite.suite.verdict;
