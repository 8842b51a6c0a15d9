/**
 * Browser-free requests to the target, as curl would send them: the reachability check that runs before any
 * browser starts (one clear message for a refused connection, an unknown host, a TLS failure, a hanging or
 * garbage-answering server), and the raw preflight and actual answers shown next to each browser verdict, asked
 * politely ({@link dev.corssuite.suite.verify.direct.DirectBatch}: bounded, retried alone, the target's load limits
 * reported as such in a {@link dev.corssuite.suite.verify.direct.LoadReport}).
 */
package dev.corssuite.suite.verify.direct;
