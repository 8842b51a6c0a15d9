/**
 * How the browser reaches the policy's origins without touching system DNS or privileged ports: a forward proxy on
 * loopback that the browser session is told to use. Requests for a policy origin's host go to the local page server
 * (https ones over TLS with a certificate generated at start, which the session accepts); requests for the target
 * are passed on unchanged and recorded, so the stage a request failed at is known; anything else is refused. What the
 * proxy cannot pass on faithfully is recorded as a fault of that request, so it never counts against the server.
 */
package dev.corssuite.suite.verify.proxy;
