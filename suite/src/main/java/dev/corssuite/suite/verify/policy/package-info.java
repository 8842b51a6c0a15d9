/**
 * The policy file of {@code run --target URL --policy FILE}: what a server's CORS configuration intends (allowed
 * origins and patterns, methods, request and exposed headers, credentials, max-age, endpoints). Loading validates it
 * against {@code fixtures/schema/cors-policy.schema.json} and then semantically, reporting every problem at once with
 * its value and reason. Nothing here sends a request.
 */
package dev.corssuite.suite.verify.policy;
