package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.waypoint.core.directory.DirectoryImport;
import org.waypoint.core.directory.PublishedTaxonomy.Term;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * How other directories' taxonomy terms map to Waypoint's published terms when a directory is
 * imported: the list, mapping a term (the import report's unmapped terms link here with the term
 * filled in), and removing a mapping. The use cases check the terms and audit each change.
 */
@Named("adminTermMappings")
@RequestScoped
public class TermMappingsPage {

    private static final int MAX_SOURCE_TERM = 100;

    @Inject
    DirectoryImport imports;

    @Inject
    AdminGate gate;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String term;
    private String sourceTerm;
    private List<Row> rows;
    private Map<String, Term> terms;

    /** The view action: the term named in the address fills the form. */
    public void load() {
        if (gate.allowed() && sourceTerm == null) {
            sourceTerm = term;
        }
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = new ArrayList<>();
            imports.termMapping(me.actor()).forEach((source, waypoint) ->
                    rows.add(new Row(rows.size(), source, label(waypoint))));
        }
        return rows;
    }

    /** Waypoint's published terms, facet by facet, as the choices of the form. */
    public List<Group> getGroups() {
        Map<String, List<Option>> byFacet = new LinkedHashMap<>();
        terms().values().forEach(t -> byFacet.computeIfAbsent(t.facet().title(), f -> new ArrayList<>())
                .add(new Option(t.id(), t.name(), null)));
        return byFacet.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }

    /** The Waypoint term the form shows chosen: the one just sent, else the one the filled-in term maps to now. */
    public String getChosen() {
        String sent = Form.value("waypointTerm");
        if (sent != null) {
            return sent;
        }
        String source = Pages.trimmed(sourceTerm);
        return source == null ? "" : imports.termMapping(me.actor()).getOrDefault(source, "");
    }

    /** Maps the source term to the Waypoint term chosen, in place of any mapping it had. */
    public void save() {
        if (!gate.allowed()) {
            return;
        }
        String source = Pages.trimmed(sourceTerm);
        String waypoint = Form.value("waypointTerm");
        if (source == null || source.length() > MAX_SOURCE_TERM) {
            errors.add("sourceTerm", AdminText.text("mappings.error.source", MAX_SOURCE_TERM));
        }
        if (waypoint == null || !terms().containsKey(waypoint)) {
            errors.add("waypointTerm", AdminText.text("mappings.error.waypoint"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        try {
            imports.mapTerm(me.actor(), source, waypoint);
        } catch (InvalidField refused) {
            errors.add("sourceTerm", AdminText.text("mappings.error.refused"));
            return;
        }
        Pages.redirect("/admin/term-mappings", "done", "mapped");
    }

    /** Forgets the mapping of the source term the form names. */
    public void remove() {
        if (!gate.allowed()) {
            return;
        }
        String source = Form.value("source");
        if (source == null || !imports.termMapping(me.actor()).containsKey(source)) {
            errors.add("mappings", AdminText.text("mappings.error.gone"));
            return;
        }
        imports.unmapTerm(me.actor(), source);
        Pages.redirect("/admin/term-mappings", "done", "removed");
    }

    private Map<String, Term> terms() {
        if (terms == null) {
            terms = imports.waypointTerms().stream()
                    .collect(Collectors.toMap(Term::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        }
        return terms;
    }

    /** A Waypoint term as the list names it: its facet and name; an id no longer published, as itself. */
    private String label(String waypointTermId) {
        Term known = terms().get(waypointTermId);
        return known == null ? waypointTermId : AdminText.text("mappings.termLabel", known.facet().title(), known.name());
    }

    /** One mapping as the list shows it; {@code index} is its place, for its form's ids. */
    public record Row(int index, String sourceTerm, String waypointTerm) {

        public String removeLabel() {
            return AdminText.text("mappings.removeLabel", sourceTerm);
        }
    }

    /** The terms of one facet of Waypoint's published taxonomy. */
    public record Group(String label, List<Option> options) {
    }

    public String getTerm() {
        return term;
    }

    public void setTerm(String term) {
        this.term = term;
    }

    public String getSourceTerm() {
        return sourceTerm;
    }

    public void setSourceTerm(String sourceTerm) {
        this.sourceTerm = sourceTerm;
    }
}
