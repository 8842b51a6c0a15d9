package dev.corssuite.suite.table;

import dev.corssuite.origins.OriginRole;

import java.util.Arrays;
import java.util.List;

/**
 * What a row sets up, ids, descriptions and expectations aside: the answers in effect on every origin role and
 * every request the page makes (and the answer to a conditional request). Two rows with equal setups run the same experiment, so the table keeps one.
 */
record RowSetup(List<Answer> preflights, List<Answer> actuals, PageRequest request, List<FollowUp> then,
                Answer revalidated) {

    static RowSetup of(CorsCase row) {
        List<OriginRole> roles = Arrays.asList(OriginRole.values());
        return new RowSetup(roles.stream().map(row::preflightOn).toList(), roles.stream().map(row::actualOn).toList(),
                row.request(), row.then(), row.revalidated());
    }
}
