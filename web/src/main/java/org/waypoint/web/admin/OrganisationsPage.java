package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.OrganisationService;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/** The organisations that refer people and provide services: the list, and adding one. */
@Named("adminOrganisations")
@RequestScoped
public class OrganisationsPage {

    private static final int MAX_NAME = 200;

    @Inject
    OrganisationService organisations;

    @Inject
    AdminGate gate;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String name;
    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            rows = organisations.list(me.actor()).stream()
                    .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
                    .map(o -> new Row(o.id(), o.name(), AdminText.text("kind." + o.kind().name())))
                    .toList();
        }
        return rows;
    }

    public List<Option> getKindOptions() {
        return AdminText.options(OrganisationKind.values(), "kind.");
    }

    /** The kind chosen in the form just sent, so that a form with errors keeps it. */
    public String getKind() {
        OrganisationKind kind = Form.choice("kind", OrganisationKind.class);
        return kind == null ? "" : kind.name();
    }

    public void create() {
        if (!gate.allowed()) {
            return;
        }
        String wanted = Pages.trimmed(name);
        OrganisationKind kind = Form.choice("kind", OrganisationKind.class);
        if (wanted == null || wanted.length() > MAX_NAME) {
            errors.add("name", AdminText.text("organisations.error.name", MAX_NAME));
        }
        if (kind == null) {
            errors.add("kind", AdminText.text("organisations.error.kind"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        try {
            organisations.create(me.actor(), wanted, kind);
        } catch (ConflictException exists) {
            errors.add("name", AdminText.text("organisations.error.exists"));
            return;
        }
        Pages.redirect("/admin/organisations", "done", "created");
    }

    /** One organisation as the list shows it. */
    public record Row(String id, String name, String kind) {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
