/**
 * What a request showed, in one type for every side of a comparison: a row's expectation, the oracle's prediction,
 * a policy's intent and a browser's observation are all {@link Facts}, compared by one {@link Facts#differences}.
 * How facts are gathered (the runner, the judge) or predicted (the oracle) lives elsewhere.
 */
package dev.corssuite.suite.facts;
