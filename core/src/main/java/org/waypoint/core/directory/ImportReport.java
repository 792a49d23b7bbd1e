package org.waypoint.core.directory;

import java.util.List;

/**
 * What an import of a directory does, or did: the problems that stop it (then it changes nothing),
 * each service's outcome with the reason it is skipped or the fields that change, and the source's
 * taxonomy terms that map to nothing in Waypoint.
 */
public record ImportReport(boolean applied, List<String> problems, List<Line> services, List<UnmappedTerm> unmappedTerms) {

    public enum Outcome { NEW, CHANGED, UNCHANGED, SKIPPED }

    /** One service of the source: its id there, its name, what happens to it and why (or which fields change). */
    public record Line(String sourceId, String name, Outcome outcome, String detail) {
    }

    /** A term of the source that maps to no Waypoint term, and how many services carry it. */
    public record UnmappedTerm(String id, String name, int services) {
    }

    public ImportReport {
        problems = List.copyOf(problems);
        services = List.copyOf(services);
        unmappedTerms = List.copyOf(unmappedTerms);
    }

    public boolean usable() {
        return problems.isEmpty();
    }

    public long count(Outcome outcome) {
        return services.stream().filter(line -> line.outcome() == outcome).count();
    }

    /** The counts only, short enough for the audit trail's detail: never a name or an id of the source. */
    public String counts() {
        return count(Outcome.NEW) + " new " + count(Outcome.CHANGED) + " changed " + count(Outcome.UNCHANGED)
                + " same " + count(Outcome.SKIPPED) + " skipped";
    }
}
