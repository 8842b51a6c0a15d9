/**
 * Accepted findings: a baseline file lists findings a team has accepted (kind, endpoint, origin, reason), so a run
 * fails only on new ones; entries that match nothing any more are reported as stale.
 */
package dev.corssuite.suite.verify.baseline;
