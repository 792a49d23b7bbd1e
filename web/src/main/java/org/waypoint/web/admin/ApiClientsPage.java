package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.waypoint.core.account.ApiClientAccount;
import org.waypoint.core.account.ApiClients;
import org.waypoint.core.account.ApiScope;
import org.waypoint.core.account.RegisteredApiClient;
import org.waypoint.core.account.Role;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.OrganisationService;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * The API clients: systems of an organisation that call the API with OAuth client credentials.
 * Registering one shows its secret on the answer to the form, once; revoking one refuses its tokens at once.
 */
@Named("adminApiClients")
@RequestScoped
public class ApiClientsPage {

    private static final int MAX_NAME = 100;
    private static final List<Role> ROLES = List.of(Role.CASEWORKER, Role.SERVICE_STAFF);

    @Inject
    ApiClients clients;

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
    private List<Organisation> organisationList;
    private Registered registered;

    public List<Row> getRows() {
        if (rows == null) {
            Map<String, String> names = new HashMap<>();
            organisationList().forEach(o -> names.put(o.id(), o.name()));
            List<ApiClientAccount> all = clients.list(me.actor()).stream()
                    .sorted(Comparator.comparing(ApiClientAccount::name, String.CASE_INSENSITIVE_ORDER).thenComparing(ApiClientAccount::id))
                    .toList();
            rows = all.stream().map(c -> new Row(c.id(), c.name(), names.getOrDefault(c.organisationId(), ""),
                    AdminText.text("role." + c.role().name()),
                    c.scopes().stream().sorted().map(ApiScope::value).collect(Collectors.joining(", ")), c.active(),
                    AdminText.text("apiClients.revokeLabel", c.name()))).toList();
        }
        return rows;
    }

    private List<Organisation> organisationList() {
        if (organisationList == null) {
            organisationList = organisations.list(me.actor()).stream()
                    .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList();
        }
        return organisationList;
    }

    public List<Option> getOrganisationOptions() {
        return organisationList().stream()
                .map(o -> new Option(o.id(), o.name(), AdminText.text("kind." + o.kind().name()))).toList();
    }

    public List<Option> getRoleOptions() {
        return AdminText.options(ROLES.toArray(Role[]::new), "role.");
    }

    public List<Option> getScopeOptions() {
        return java.util.Arrays.stream(ApiScope.values())
                .map(s -> new Option(s.name(), s.value(), AdminText.text("apiClients.scope." + s.name()))).toList();
    }

    /** What the form just sent chose, so that a form with errors keeps it. */
    public String getNewRole() {
        Role role = Form.choice("newRole", Role.class);
        return role == null ? "" : role.name();
    }

    public String getOrganisation() {
        String sent = Form.value("organisation");
        return sent == null ? "" : sent;
    }

    public Set<String> getScopes() {
        return Form.choices("scopes", ApiScope.class).stream().map(Enum::name).collect(Collectors.toSet());
    }

    /** The client just registered, with its secret: shown on this answer only. */
    public Registered getRegistered() {
        return registered;
    }

    public void create() {
        if (!gate.allowed()) {
            return;
        }
        String wanted = Pages.trimmed(name);
        if (wanted == null || wanted.length() > MAX_NAME) {
            errors.add("name", AdminText.text("apiClients.error.name", MAX_NAME));
        }
        Organisation organisation = organisationList().stream()
                .filter(o -> o.id().equals(Form.value("organisation"))).findFirst().orElse(null);
        if (organisation == null) {
            errors.add("organisation", AdminText.text("apiClients.error.organisation"));
        }
        Role role = Form.choice("newRole", Role.class);
        if (role == null || !ROLES.contains(role)) {
            errors.add("newRole", AdminText.text("apiClients.error.role"));
        } else if (organisation != null && !fits(role, organisation.kind())) {
            errors.add("newRole", AdminText.text("users.error.roleFits." + role.name()));
        }
        Set<ApiScope> scopes = Form.choices("scopes", ApiScope.class);
        if (scopes.isEmpty()) {
            errors.add("scopes", AdminText.text("apiClients.error.scopes"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        RegisteredApiClient done = clients.register(me.actor(), organisation.id(), wanted, role, scopes);
        registered = new Registered(done.client().id(), done.secret(), done.client().name());
        name = null;
        rows = null;
    }

    public void revoke() {
        if (!gate.allowed()) {
            return;
        }
        String id = Form.value("client");
        if (!Pages.isId(id)) {
            Pages.redirect("/admin/api-clients");
            return;
        }
        try {
            clients.revoke(me.actor(), id);
        } catch (NotFoundException gone) {
            Pages.redirect("/admin/api-clients");
            return;
        }
        Pages.redirect("/admin/api-clients", "done", "revoked");
    }

    private static boolean fits(Role role, OrganisationKind kind) {
        return role == Role.CASEWORKER ? kind.refers() : kind.provides();
    }

    /** One client as the list shows it. */
    public record Row(String id, String name, String organisation, String role, String scopes, boolean active, String revokeLabel) {
    }

    /** A client just registered: its id and the secret shown this once. */
    public record Registered(String clientId, String secret, String name) {

        @Override
        public String toString() {
            return "Registered[" + clientId + "]";
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
