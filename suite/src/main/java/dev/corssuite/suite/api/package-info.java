/**
 * The public API for verifying a server's CORS from another build: {@link dev.corssuite.suite.api.CorsVerification}
 * (target, policy file or {@link dev.corssuite.suite.api.PolicyDocument}, browsers, options) runs the same pipeline
 * as {@code ./cors-suite verify} and returns a {@link dev.corssuite.suite.api.Verification}.
 */
package dev.corssuite.suite.api;
