/**
 * {@code run --target URL --policy FILE}: verifies a user's running server against the CORS policy it intends, in
 * real browsers. Order: policy validated, target checked browser-free, request matrix derived, browser-free answers
 * collected, then each browser runs the matrix from pages served at the policy's exact origins (through
 * {@code verify.proxy}); outcomes become findings and a report (console, {@code reports/out/verify.md} and
 * {@code verify.json}). Subpackages: {@code policy}, {@code matrix}, {@code direct}, {@code proxy}, {@code findings}.
 */
package dev.corssuite.suite.verify;
