package org.waypoint.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.waypoint.core.account.PasswordResetException;
import org.waypoint.core.account.PasswordResets;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.security.SessionSignIn;

/**
 * Choosing a new password through the link in a reset e-mail. The link's token is moved out of the
 * address at once, into a cookie of its own for this page only, and the browser moved on to the same
 * page without it, so that it stays in no address bar, referrer or later request, and any instance can
 * finish the reset. A link that no longer works gets a page that says so, with a way to ask for another;
 * once the password is set, every session of the account has ended.
 */
@Named
@RequestScoped
public class ResetPasswordPage {

    private static final String COOKIE = "waypoint_reset";

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
            Pages.response().addCookie(cookie(token));
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
        Cookie used = cookie("");
        used.setMaxAge(0);
        Pages.response().addCookie(used);
        sessions.signOut(Pages.request(), Pages.response());
        Pages.redirect(PageAuthentication.SIGN_IN, "passwordReset", "true");
    }

    private static String stored() {
        return SessionSignIn.cookieValue(Pages.request(), COOKIE);
    }

    /**
     * The token's cookie: sent only to this page, never readable by script, and SameSite=Lax, so that the
     * browser sends it on the move above when the link was clicked in webmail (a visit another site
     * started), but never with a form another site posts.
     */
    private static Cookie cookie(String value) {
        HttpServletRequest request = Pages.request();
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath() + PageAuthentication.RESET_PASSWORD);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
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
