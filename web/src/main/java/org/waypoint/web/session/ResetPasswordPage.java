package org.waypoint.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import org.waypoint.api.security.SessionSignIn;
import org.waypoint.core.account.PasswordResetException;
import org.waypoint.core.account.PasswordResets;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;

/**
 * Choosing a new password through the link in a reset e-mail. The link's token is moved out of the
 * address at once, into the session, and the browser sent to the same page without it, so that it
 * stays in no history, log or referrer. A link that no longer works gets a page that says so, with a
 * way to ask for another; once the password is set, every session of the account has ended.
 */
@Named
@RequestScoped
public class ResetPasswordPage {

    private static final String TOKEN = "waypoint.resetToken";

    @Inject
    PasswordResets resets;

    @Inject
    SessionSignIn sessions;

    @Inject
    FormErrors errors;

    private String token;
    private String newPassword;
    private String confirmPassword;
    private PasswordResetException.Reason problem;

    /** On arrival: takes the token out of the address, or checks the one the session holds. */
    public void arrive() {
        if (token != null) {
            Pages.request().getSession(true).setAttribute(TOKEN, token);
            Pages.redirect(PageAuthentication.RESET_PASSWORD);
            return;
        }
        try {
            resets.check(stored());
        } catch (PasswordResetException e) {
            problem = e.reason();
        }
    }

    public void reset() {
        AccountPage.checkNewPassword(errors, newPassword, confirmPassword);
        if (!errors.isEmpty()) {
            return;
        }
        try {
            resets.reset(stored(), newPassword.toCharArray());
        } catch (PasswordResetException e) {
            problem = e.reason();
            return;
        }
        sessions.signOut(Pages.request());
        Pages.redirect(PageAuthentication.SIGN_IN, "passwordReset", "true");
    }

    private String stored() {
        HttpSession session = Pages.request().getSession(false);
        return session != null && session.getAttribute(TOKEN) instanceof String stored ? stored : null;
    }

    /** Whether the link cannot be used (unknown, expired or used), so the page offers to send another. */
    public boolean isLinkProblem() {
        return problem != null;
    }

    public boolean isLinkUsed() {
        return problem == PasswordResetException.Reason.USED;
    }

    public String getToken() {
        return null;
    }

    public void setToken(String token) {
        this.token = Pages.trimmed(token);
    }

    public String getNewPassword() {
        return null;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return null;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
