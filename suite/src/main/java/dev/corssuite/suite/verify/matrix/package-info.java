/**
 * From a policy to the requests worth sending: the origins to send from (each allowed one, and hostile ones: a
 * stranger, {@code null}, look-alikes of each allowed origin), crossed with endpoints, methods, header sets and
 * credentials modes; and for each request what the policy intends, computed by the Fetch oracle from the answers a
 * server that implements the policy exactly would give. Nothing here sends a request.
 */
package dev.corssuite.suite.verify.matrix;
