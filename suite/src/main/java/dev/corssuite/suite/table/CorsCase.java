package dev.corssuite.suite.table;

import dev.corssuite.origins.OriginRole;
import dev.corssuite.suite.facts.Facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the table ({@code specWptSplit} null unless the spec text and web-platform-tests disagree on it).
 * {@code preflight}/{@code actual} are the endpoint's answers on every origin, {@code on}
 * overrides them per role (redirect chains); {@code then} holds the further requests of a multi-request row;
 * {@code revalidated} (null: none) answers a conditional request (a cache revalidating) on every origin.
 */
public record CorsCase(
        String id,
        String description,
        String spec,
        String area,
        String file,
        Answer preflight,
        Answer actual,
        Map<OriginRole, RoleAnswers> on,
        PageRequest request,
        List<FollowUp> then,
        Facts expect,
        String control,
        boolean alone,
        Map<String, Deviation> deviations,
        SpecWptSplit specWptSplit,
        Answer revalidated) {

    public CorsCase {
        on = Map.copyOf(on);
        then = List.copyOf(then);
        deviations = Map.copyOf(deviations);
    }

    /** A row whose endpoint answers a conditional request like any other. */
    public CorsCase(String id, String description, String spec, String area, String file, Answer preflight,
                    Answer actual, Map<OriginRole, RoleAnswers> on, PageRequest request, List<FollowUp> then,
                    Facts expect, String control, boolean alone, Map<String, Deviation> deviations,
                    SpecWptSplit specWptSplit) {
        this(id, description, spec, area, file, preflight, actual, on, request, then, expect, control, alone,
                deviations, specWptSplit, null);
    }

    /** The preflight answer on a role's origin. */
    public Answer preflightOn(OriginRole role) {
        RoleAnswers answers = on.get(role);
        return answers == null || answers.preflight() == null ? preflight : answers.preflight();
    }

    /** The answer to any other request on a role's origin. */
    public Answer actualOn(OriginRole role) {
        RoleAnswers answers = on.get(role);
        return answers == null || answers.actual() == null ? actual : answers.actual();
    }

    /** Every request the row sends, in order: the first, then the follow-ups. */
    public List<PageRequest> requests() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(request),
                then.stream().map(FollowUp::request)).toList();
    }

    /** The engine's known deviation from the spec on this row, if the table records one. */
    public Optional<Deviation> deviation(String engine) {
        return Optional.ofNullable(deviations.get(engine));
    }

    /** Where the spec text and web-platform-tests disagree on this row, if they do. */
    public Optional<SpecWptSplit> split() {
        return Optional.ofNullable(specWptSplit);
    }

    @Override
    public String toString() {
        return id;
    }
}
