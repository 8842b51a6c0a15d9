/**
 * The case table: loading {@code fixtures/cases/*.yaml}, validating every file against
 * {@code fixtures/schema/case-file.schema.json} and across rows, and the immutable records a loaded row becomes.
 * Nothing here starts a server or a browser.
 */
package dev.corssuite.suite.table;
