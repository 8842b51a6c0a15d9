/**
 * The one loader for the suite's YAML/JSON input files (the case table's area files, policies, files to come): read,
 * check against a JSON schema, and report every problem at once with file, row and field. What a file means is
 * decided by its own package (table, policy), not here.
 */
package dev.corssuite.suite.documents;
