package org.waypoint.api.directory;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waypoint.core.directory.ImportReport;

/** What an import of a directory does (a dry run) or did: the counts, each service's outcome, and the terms that map to nothing. */
@Schema(description = "What an import does (`dryRun`) or did (`applied`): counts, each service of the source with its "
        + "outcome and the reason it is skipped or the fields that change, and the source's taxonomy terms that map to "
        + "no Waypoint term (map them and import again).")
public record ImportReportResponse(boolean dryRun, boolean applied,
                                   @JsonbProperty("new") @Schema(name = "new") int added, int changed, int unchanged, int skipped,
                                   List<Line> services, List<Term> unmappedTerms) {

    @Schema(description = "One service of the source.")
    public record Line(@Schema(description = "Its id in the source.") String id, String name,
                       @Schema(enumeration = {"NEW", "CHANGED", "UNCHANGED", "SKIPPED"}) String outcome,
                       @Schema(description = "Why it is skipped, or which fields change; empty otherwise.") String detail) {
    }

    @Schema(description = "A taxonomy term of the source that maps to no Waypoint term, and how many services carry it.")
    public record Term(String id, String name, int services) {
    }

    static ImportReportResponse of(ImportReport report, boolean dryRun) {
        return new ImportReportResponse(dryRun, report.applied(),
                (int) report.count(ImportReport.Outcome.NEW), (int) report.count(ImportReport.Outcome.CHANGED),
                (int) report.count(ImportReport.Outcome.UNCHANGED), (int) report.count(ImportReport.Outcome.SKIPPED),
                report.services().stream().map(l -> new Line(l.sourceId(), l.name(), l.outcome().name(), l.detail())).toList(),
                report.unmappedTerms().stream().map(t -> new Term(t.id(), t.name(), t.services())).toList());
    }
}
