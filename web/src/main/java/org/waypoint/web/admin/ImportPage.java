package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.waypoint.api.directory.DirectoryImportResource;
import org.waypoint.api.directory.OrukApiReader;
import org.waypoint.core.directory.DirectoryImport;
import org.waypoint.core.directory.ImportReport;
import org.waypoint.core.directory.OrukSource;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * An administrator imports another directory through its Open Referral UK API: "Check" reads it and
 * shows the dry-run report, "Apply import" reads it again and applies it in one transaction. (A file
 * is imported through the API: {@code POST /api/v1/directory/imports}.)
 */
@Named("adminImport")
@RequestScoped
public class ImportPage {

    /** At most this many services of the report are listed on the page; the counts cover them all. */
    static final int SHOWN = 200;

    @Inject
    DirectoryImport imports;

    @Inject
    AdminGate gate;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String url;
    private ImportReport report;

    /** Reads the directory at the address given and shows what importing it would do. */
    public void check() {
        report = run(false);
    }

    /** Reads the directory again and imports it; the page then says what was done. */
    public void apply() {
        ImportReport applied = run(true);
        if (applied != null && applied.applied()) {
            Pages.redirect("/admin/import", "done", "applied",
                    "new", Long.toString(applied.count(ImportReport.Outcome.NEW)),
                    "changed", Long.toString(applied.count(ImportReport.Outcome.CHANGED)));
        }
        report = applied;
    }

    private ImportReport run(boolean apply) {
        if (!gate.allowed()) {
            return null;
        }
        String address = Pages.trimmed(url);
        if (address == null || address.isEmpty()) {
            errors.add("url", AdminText.text("import.error.url"));
            return null;
        }
        OrukSource source = new OrukSource(DirectoryImportResource.maxBytes());
        new OrukApiReader(DirectoryImportResource.timeout()).read(address, source);
        ImportReport result = apply ? imports.apply(me.actor(), source) : imports.dryRun(me.actor(), source);
        if (!result.usable()) {
            errors.add("url", AdminText.text("import.error.source", result.problems().get(0)));
        }
        return result;
    }

    public ImportReport getReport() {
        return report;
    }

    public boolean isShown() {
        return report != null && report.usable();
    }

    public long count(String outcome) {
        return report.count(ImportReport.Outcome.valueOf(outcome));
    }

    public List<ImportReport.Line> getLines() {
        return report.services().stream().limit(SHOWN).toList();
    }

    public boolean isCut() {
        return report.services().size() > SHOWN;
    }

    public boolean isAnythingToApply() {
        return count("NEW") + count("CHANGED") > 0;
    }

    public List<String> getProblems() {
        return report == null ? List.of() : report.problems();
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
