/**
 * One description of a request, shared by the case table, the oracle, the probe page and the verify matrix:
 * {@link RequestSpec} (what the page asks), {@link Initiator} (which API asks it and what that API can express and
 * observe), the Fetch modes as enums, and the {@link Origin} value type. Where requests come from (table rows or a
 * policy) and how they are run live elsewhere.
 */
package dev.corssuite.suite.request;
