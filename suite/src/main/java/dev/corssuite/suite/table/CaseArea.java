package dev.corssuite.suite.table;

import java.util.List;

/** One case file: a protocol area and its rows. */
public record CaseArea(String area, String title, String file, List<CorsCase> cases) {
    public CaseArea {
        cases = List.copyOf(cases);
    }
}
