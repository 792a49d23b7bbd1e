package org.waypoint.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.BrowserSession;
import org.waypoint.core.account.PasswordSignInRefused;
import org.waypoint.core.account.SecondFactors;
import org.waypoint.core.organisation.OrganisationService;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.security.OrganisationSignIn;
import org.waypoint.web.security.SessionSignIn;

/**
 * Signing in with e-mail address and password, then (docs/adr/0020-second-factor.md) with the second
 * factor on its own page. A wrong address and a wrong password read the same.
 * Signing in leads back to the page that sent the person here, when it names one on this site.
 */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    AccountService accounts;

    @Inject
    SecondFactors secondFactors;

    @Inject
    SessionSignIn sessions;

    @Inject
    FormErrors errors;

    @Inject
    OrganisationService organisations;

    private String email;
    private String password;

    public void signIn() {
        String address = Pages.trimmed(email);
        if (address == null) {
            errors.add("email", Messages.text("signIn.error.emailMissing"));
        }
        if (password == null || password.isEmpty()) {
            errors.add("password", Messages.text("signIn.error.passwordMissing"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        Optional<Actor> actor;
        try {
            actor = accounts.signIn(new EmailAddress(address), password.toCharArray());
        } catch (InvalidField notAnAddress) {
            actor = Optional.empty();
        } catch (PasswordSignInRefused organisationSignsIn) {
            password = null;
            errors.add("email", Messages.text(organisationSignsIn.key()));
            return;
        }
        password = null;
        if (actor.isEmpty()) {
            errors.add("email", Messages.text("signIn.error.wrong"));
            return;
        }
        BrowserSession.Stage stage = secondFactors.afterPassword(actor.get());
        if (stage == BrowserSession.Stage.SIGNED_IN) {
            sessions.signIn(Pages.request(), Pages.response(), actor.get());
            Pages.redirect(ReturnAddress.checked(getReturnTo()).orElse(Me.home(actor.get())));
            return;
        }
        // The password alone signs nobody in: the browser waits for its second factor, or to set one up.
        sessions.signInPending(Pages.request(), Pages.response(), actor.get(), stage);
        String next = stage == BrowserSession.Stage.CODE ? SecondFactorPage.CODE_PAGE : SecondFactorPage.SET_UP_PAGE;
        String returnTo = getReturnTo();
        if (returnTo == null) {
            Pages.redirect(next);
        } else {
            Pages.redirect(next, ReturnAddress.PARAMETER, returnTo);
        }
    }

    /**
     * The organisations whose staff sign in through their own identity provider, each with the address
     * that begins it (and comes back to the page asked for); none when no organisation has one.
     */
    public List<OrganisationChoice> getOrganisations() {
        String returnTo = getReturnTo();
        return organisations.withIdentityProviders().stream()
                .map(o -> new OrganisationChoice(o.id(), o.name(), Pages.request().getContextPath() + OrganisationSignIn.START
                        + "?organisation=" + o.id()
                        + (returnTo == null ? "" : "&" + ReturnAddress.PARAMETER + "=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8))))
                .toList();
    }

    /** An organisation to sign in with, and where its button leads. */
    public record OrganisationChoice(String id, String name, String address) {
    }

    /** The page to go back to once signed in, carried by the form from the sign-in page's address; checked before use. */
    public String getReturnTo() {
        return ReturnAddress.checked(Pages.request().getParameter(ReturnAddress.PARAMETER)).orElse(null);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
