package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.BrowserSessions;
import org.waypoint.core.account.SecondFactors;
import org.waypoint.core.account.Role;
import org.waypoint.core.account.UserAccount;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.OrganisationService;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * The accounts: who they are, where they work, their role and whether they may sign in; opening
 * one with a first password, changing a role, and disabling or enabling an account.
 */
@Named("adminUsers")
@RequestScoped
public class UsersPage {

    private static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 128;
    private static final int MAX_NAME = 200;

    @Inject
    AccountService accounts;

    @Inject
    BrowserSessions sessions;

    @Inject
    SecondFactors secondFactors;

    @Inject
    OrganisationService organisations;

    @Inject
    AdminGate gate;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String email;
    private String displayName;
    private String password;
    private List<Row> rows;
    private List<Organisation> organisationList;

    public List<Row> getRows() {
        if (rows == null) {
            List<UserAccount> all = new ArrayList<>(accounts.listUsers(me.actor()));
            all.sort(Comparator.comparing((UserAccount a) -> a.organisation().name(), String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(UserAccount::displayName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(UserAccount::id));
            List<Row> mapped = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                UserAccount account = all.get(i);
                mapped.add(new Row(i, account.id(), account.displayName(), account.email().value(),
                        account.organisation().name(), account.role().name(),
                        AdminText.text("role." + account.role().name()), account.enabled(),
                        account.id().equals(me.actor().userId()), account.hasSecondFactor()));
            }
            rows = mapped;
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
        return AdminText.options(Role.values(), "role.");
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

    public void create() {
        if (!gate.allowed()) {
            return;
        }
        EmailAddress address = null;
        try {
            address = email == null ? null : new EmailAddress(email);
        } catch (InvalidField notAnAddress) {
            address = null;
        }
        if (address == null) {
            errors.add("email", AdminText.text("users.error.email"));
        }
        String name = Pages.trimmed(displayName);
        if (name == null || name.length() > MAX_NAME) {
            errors.add("displayName", AdminText.text("users.error.name", MAX_NAME));
        }
        Organisation organisation = organisationList().stream()
                .filter(o -> o.id().equals(Form.value("organisation"))).findFirst().orElse(null);
        if (organisation == null) {
            errors.add("organisation", AdminText.text("users.error.organisation"));
        }
        Role role = Form.choice("newRole", Role.class);
        if (role == null) {
            errors.add("newRole", AdminText.text("users.error.role"));
        } else if (organisation != null && !fits(role, organisation.kind())) {
            errors.add("newRole", AdminText.text("users.error.roleFits." + role.name()));
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            errors.add("password", AdminText.text("users.error.password", MIN_PASSWORD, MAX_PASSWORD));
        }
        if (!errors.isEmpty()) {
            return;
        }
        try {
            accounts.createUser(me.actor(), address, name, role, organisation.id(), password.toCharArray());
        } catch (ConflictException exists) {
            errors.add("email", AdminText.text("users.error.exists"));
            return;
        } catch (NotFoundException | InvalidField | RuleViolation refused) {
            errors.add("organisation", AdminText.text("users.error.organisation"));
            return;
        }
        Pages.redirect("/admin/users", "done", "created");
    }

    private static boolean fits(Role role, OrganisationKind kind) {
        return switch (role) {
            case CASEWORKER -> kind.refers();
            case SERVICE_STAFF -> kind.provides();
            case ADMIN -> true;
        };
    }

    public void changeRole() {
        if (!gate.allowed()) {
            return;
        }
        Row row = sentRow();
        if (row == null) {
            return;
        }
        Role role = Form.choice("role", Role.class);
        if (role == null) {
            errors.add(row.field("role"), AdminText.text("users.error.role"));
            return;
        }
        try {
            accounts.changeRole(me.actor(), row.id(), role);
        } catch (InvalidField | RuleViolation doesNotFit) {
            errors.add(row.field("role"), AdminText.text("users.error.roleFits." + role.name()));
            return;
        } catch (NotFoundException gone) {
            errors.add("accounts", AdminText.text("users.error.gone"));
            return;
        }
        Pages.redirect("/admin/users", "done", "roleChanged");
    }

    public void disable() {
        setEnabled(false);
    }

    public void enable() {
        setEnabled(true);
    }

    private void setEnabled(boolean enabled) {
        if (!gate.allowed()) {
            return;
        }
        Row row = sentRow();
        if (row == null) {
            return;
        }
        try {
            accounts.setEnabled(me.actor(), row.id(), enabled);
        } catch (ConflictException ownAccount) {
            errors.add(row.field("access"), AdminText.text("users.error.self"));
            return;
        } catch (NotFoundException gone) {
            errors.add("accounts", AdminText.text("users.error.gone"));
            return;
        }
        Pages.redirect("/admin/users", "done", enabled ? "enabled" : "disabled");
    }

    /** Signs the account out of every browser at its next request, say after a lost laptop. */
    public void endSessions() {
        onSentAccount(id -> sessions.endAll(me.actor(), id), "sessionsEnded");
    }

    /**
     * Removes the account's second factor (its holder lost their phone and recovery codes): it is signed
     * out everywhere and sets a new one up at its next sign-in.
     */
    public void resetSecondFactor() {
        onSentAccount(id -> secondFactors.reset(me.actor(), id), "secondFactorReset");
    }

    /** Does {@code action} to the account the row's form names, then says {@code done}; a row gone meanwhile is said so. */
    private void onSentAccount(java.util.function.Consumer<String> action, String done) {
        if (!gate.allowed()) {
            return;
        }
        Row row = sentRow();
        if (row == null) {
            return;
        }
        try {
            action.accept(row.id());
        } catch (NotFoundException gone) {
            errors.add("accounts", AdminText.text("users.error.gone"));
            return;
        }
        Pages.redirect("/admin/users", "done", done);
    }

    /** The account a row's form names. */
    private Row sentRow() {
        String userId = Form.value("user");
        Row row = getRows().stream().filter(r -> r.id().equals(userId)).findFirst().orElse(null);
        if (row == null) {
            errors.add("accounts", AdminText.text("users.error.gone"));
        }
        return row;
    }

    /** One account as the list shows it; {@code index} is its place in the list, for its forms' field ids. */
    public record Row(int index, String id, String name, String email, String organisation, String roleName,
                      String role, boolean enabled, boolean self, boolean secondFactor) {

        public String field(String name) {
            return name + "-" + index;
        }

        public String roleLabel() {
            return AdminText.text("users.roleFor", name);
        }

        public String changeRoleLabel() {
            return AdminText.text("users.changeRoleLabel", name);
        }

        public String accessLabel() {
            return AdminText.text(enabled ? "users.disableLabel" : "users.enableLabel", name);
        }

        public String endSessionsLabel() {
            return AdminText.text("users.endSessionsLabel", name);
        }

        public String resetSecondFactorLabel() {
            return AdminText.text("users.resetSecondFactorLabel", name);
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
