/**
 * Browser-free requests to the target, as curl would send them: the reachability check that runs before any
 * browser starts (one clear message for a refused connection, an unknown host, a TLS failure, a hanging or
 * garbage-answering server), and the raw preflight and actual answers shown next to each browser verdict.
 */
package dev.corssuite.suite.verify.direct;
