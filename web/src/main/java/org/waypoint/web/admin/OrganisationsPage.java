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
import org.waypoint.core.shared.InvalidField;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.security.OrganisationSignIn;
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
    private String issuer;
    private String clientId;
    private String secretName;
    private String emailClaim;
    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            rows = organisations.list(me.actor()).stream()
                    .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
                    .map(o -> new Row(o.id(), o.name(), AdminText.text("kind." + o.kind().name()),
                            organisations.identityProvider(o.id()).map(p -> p.issuer() + " (" + p.clientId() + ")")
                                    .orElse(AdminText.text("organisations.passwords"))))
                    .toList();
        }
        return rows;
    }

    public List<Option> getOrganisationOptions() {
        return getRows().stream().map(r -> new Option(r.id(), r.name(), r.kind())).toList();
    }

    /** The organisation chosen in the identity provider's form just sent. */
    public String getOrganisation() {
        return Form.value("organisation");
    }

    /**
     * Sets the chosen organisation's OpenID Connect provider: its staff then sign in through it only
     * (docs/adr/0022-organisations-sign-in-with-openid-connect.md).
     */
    public void setProvider() {
        if (!gate.allowed()) {
            return;
        }
        String organisationId = chosenOrganisation();
        if (organisationId == null) {
            return;
        }
        try {
            organisations.setIdentityProvider(me.actor(), organisationId, issuer, clientId, secretName, emailClaim);
        } catch (InvalidField invalid) {
            errors.add(invalid.field(), invalid);
            return;
        }
        Pages.redirect("/admin/organisations", "done", "providerSet");
    }

    /** Removes the chosen organisation's provider: its staff sign in with passwords again. */
    public void removeProvider() {
        if (!gate.allowed()) {
            return;
        }
        String organisationId = chosenOrganisation();
        if (organisationId == null) {
            return;
        }
        organisations.removeIdentityProvider(me.actor(), organisationId);
        Pages.redirect("/admin/organisations", "done", "providerRemoved");
    }

    private String chosenOrganisation() {
        String chosen = Form.value("organisation");
        if (chosen == null || getRows().stream().noneMatch(r -> r.id().equals(chosen))) {
            errors.add("organisation", AdminText.text("organisations.error.organisation"));
            return null;
        }
        return chosen;
    }

    /** The redirect URI to register with every provider: the same for every organisation of this deployment. */
    public String getRedirectUri() {
        return OrganisationSignIn.redirectUri().toString();
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
    public record Row(String id, String name, String kind, String signIn) {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }

    public String getEmailClaim() {
        return emailClaim;
    }

    public void setEmailClaim(String emailClaim) {
        this.emailClaim = emailClaim;
    }
}
