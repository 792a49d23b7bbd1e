package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waypoint.api.directory.DirectoryImportResource;
import org.waypoint.core.directory.DirectoryImport;
import org.waypoint.core.directory.ImportReport;
import org.waypoint.core.directory.OrukSource;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * An administrator imports another directory from an Open Referral UK file or API. A file is checked
 * as it is uploaded and kept on the server ({@link ImportFiles}), so that "Apply import" applies the
 * very file the dry run read, under the term mapping it read it with, without a second upload. An API
 * is read again to apply, as the API's own import does.
 */
@Named("adminImport")
@RequestScoped
public class ImportPage {

    /** At most this many services of the report are listed on the page; the counts cover them all. */
    static final int SHOWN = 200;
    private static final String FILE = "file";

    @Inject
    DirectoryImport imports;

    @Inject
    ImportFiles files;

    @Inject
    AdminGate gate;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String url;
    private Part file;
    private ImportReport report;
    private boolean fromFile;
    private boolean remapped;

    /** Reads the directory at the address given and shows what importing it would do. */
    public void check() {
        report = run(false);
    }

    /** Reads the directory again and imports it; the page then says what was done. */
    public void apply() {
        ImportReport applied = run(true);
        if (applied != null && applied.applied()) {
            applied(applied);
        }
        report = applied;
    }

    /** Keeps the file chosen, in place of any kept before, and shows what importing it would do; a file that cannot be imported is not kept. */
    public void checkFile() {
        if (!gate.allowed()) {
            return;
        }
        long max = DirectoryImportResource.maxBytes();
        if (file == null || file.getSubmittedFileName() == null || file.getSubmittedFileName().isBlank()) {
            errors.add(FILE, AdminText.text("import.error.file"));
            return;
        }
        if (file.getSize() == 0) {
            errors.add(FILE, AdminText.text("import.error.fileEmpty"));
            return;
        }
        if (file.getSize() > max) {
            errors.add(FILE, AdminText.text("import.error.fileSize", max / (1024 * 1024)));
            return;
        }
        try (InputStream content = file.getInputStream()) {
            files.keep(file.getSubmittedFileName(), file.getSize(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dryRunKept();
    }

    /** Checks the kept file again, as after the term mapping changed. */
    public void checkKept() {
        if (!gate.allowed()) {
            return;
        }
        if (kept().isEmpty()) {
            errors.add(FILE, AdminText.text("import.error.fileGone"));
            return;
        }
        dryRunKept();
    }

    /**
     * Applies the kept file the form names. If the term mapping changed since its dry run, nothing is
     * applied: the page shows what the import does now, to apply once it is right.
     */
    public void applyFile() {
        if (!gate.allowed()) {
            return;
        }
        Optional<ImportFiles.Kept> kept = kept();
        if (kept.isEmpty()) {
            errors.add(FILE, AdminText.text("import.error.fileGone"));
            return;
        }
        if (!files.checkedWith(imports.termMapping(me.actor()))) {
            remapped = true;
            dryRunKept();
            return;
        }
        fromFile = true;
        ImportReport applied = imports.whileImporting(
                () -> imports.apply(me.actor(), kept.get().read(DirectoryImportResource.maxBytes())));
        if (applied.applied()) {
            files.forget();
            applied(applied);
            return;
        }
        refused(applied);
        report = applied;
    }

    private void dryRunKept() {
        fromFile = true;
        Map<String, String> mapping = imports.termMapping(me.actor());
        report = imports.whileImporting(
                () -> imports.dryRun(me.actor(), files.current().orElseThrow().read(DirectoryImportResource.maxBytes())));
        if (report.usable()) {
            files.checked(mapping);
        } else {
            refused(report);
        }
    }

    /** A file that cannot be imported is shown its problems and forgotten: nothing of it stays. */
    private void refused(ImportReport refused) {
        errors.add(FILE, AdminText.text("import.error.file.source", refused.problems().get(0)));
        files.forget();
    }

    private static void applied(ImportReport applied) {
        Pages.redirect("/admin/import", "done", "applied",
                "new", Long.toString(applied.count(ImportReport.Outcome.NEW)),
                "changed", Long.toString(applied.count(ImportReport.Outcome.CHANGED)));
    }

    private Optional<ImportFiles.Kept> kept() {
        return files.named(Form.value("upload"));
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
        ImportReport result = imports.whileImporting(() -> {
            OrukSource source = new OrukSource(DirectoryImportResource.maxBytes());
            DirectoryImportResource.apiReader().read(address, source);
            return apply ? imports.apply(me.actor(), source) : imports.dryRun(me.actor(), source);
        });
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

    /** Whether the report shown is of the kept file (its apply button applies the file, not the address). */
    public boolean isFromFile() {
        return fromFile;
    }

    /** Whether an apply was held back because the term mapping changed since the dry run shown before. */
    public boolean isRemapped() {
        return remapped;
    }

    /** The file kept from an earlier upload, to check again or apply. */
    public ImportFiles.Kept getKept() {
        return files.current().orElse(null);
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

    /**
     * Whether the page offers to apply the kept file. Faces acts on a button only if it would be shown
     * while the form sent is read, before any report exists in this request; so until the page is
     * drawn it is enough that a file is kept, and {@link #applyFile} checks the rest.
     */
    public boolean isFileApplicable() {
        if (files.current().isEmpty()) {
            return false;
        }
        return !drawing() || (fromFile && isShown() && isAnythingToApply());
    }

    /** Whether the page offers to apply the directory at the address, likewise: {@link #apply} reads it again anyway. */
    public boolean isUrlApplicable() {
        return !drawing() || (!fromFile && isShown() && isAnythingToApply());
    }

    private static boolean drawing() {
        return FacesContext.getCurrentInstance().getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
    }

    public List<String> getProblems() {
        return report == null ? List.of() : report.problems();
    }

    /** Where an unmapped term is mapped: the term mapping page, the term filled in. */
    public String mappingLink(ImportReport.UnmappedTerm term) {
        return Pages.request().getContextPath() + "/admin/term-mappings" + AdminText.query("term", term.id());
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
