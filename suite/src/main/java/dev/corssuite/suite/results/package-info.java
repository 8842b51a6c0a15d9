/**
 * One immutable model of a run, whichever mode produced it ({@link Results}: engines, items with one
 * {@link Cell} per engine, findings), and the writers that are plain functions of it: console summary, Allure
 * results, compliance matrix, JSON. Nothing here runs browsers or judges requests.
 */
package dev.corssuite.suite.results;
