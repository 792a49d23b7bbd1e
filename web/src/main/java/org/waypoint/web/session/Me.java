package org.waypoint.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.Role;
import org.waypoint.core.account.UserAccount;
import org.waypoint.core.shared.Actor;

/** Who is signed in, as the pages' header and the backing beans need it. */
@Named("me")
@RequestScoped
public class Me {

    @Inject
    RequestActor requestActor;

    @Inject
    AccountService accounts;

    private UserAccount account;

    /** The actor for a use case; the page filter lets no one reach a private page without one. */
    public Actor actor() {
        return requestActor.required();
    }

    public boolean isSignedIn() {
        return requestActor.get().isPresent();
    }

    public String getName() {
        return account().displayName();
    }

    /** The name the header shows: the first word of the account's name, so that the navigation fits one line. */
    public String getShortName() {
        String first = getName().strip().split("\\s+")[0];
        return first.length() <= 20 ? first : first.substring(0, 19) + "…";
    }

    /** Where this person starts (see {@link #home(Actor)}). */
    public String getHome() {
        return home(actor());
    }

    public String getOrganisation() {
        return account().organisation().name();
    }

    public String getRole() {
        return actor().role().name();
    }

    public boolean isCaseworker() {
        return isSignedIn() && actor().is(Role.CASEWORKER);
    }

    public boolean isServiceStaff() {
        return isSignedIn() && actor().is(Role.SERVICE_STAFF);
    }

    public boolean isAdmin() {
        return isSignedIn() && actor().is(Role.ADMIN);
    }

    /** Where someone in this role starts: the referrals for those who work them, administration otherwise. */
    public static String home(Actor actor) {
        return actor.is(Role.ADMIN) ? "/admin/" : "/referrals";
    }

    private UserAccount account() {
        if (account == null) {
            account = accounts.me(actor());
        }
        return account;
    }
}
