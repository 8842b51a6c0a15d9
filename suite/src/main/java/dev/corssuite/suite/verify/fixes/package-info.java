/**
 * Fix suggestions: the CORS configuration a policy asks for, generated for nginx, Express's {@code cors} package and
 * Spring, with the headers to send, and per finding kind what to change.
 */
package dev.corssuite.suite.verify.fixes;
