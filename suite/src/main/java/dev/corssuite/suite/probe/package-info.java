/**
 * The probe: the bridge between a row and the page script {@code fixtures/pages/probe.js}. Rows become
 * {@link dev.corssuite.suite.probe.ProbeCase}s with fresh endpoint tokens, a batch goes to the page in one call, and
 * one {@link dev.corssuite.suite.probe.ProbeResult} per case comes back. Judging results is not done here.
 */
package dev.corssuite.suite.probe;
