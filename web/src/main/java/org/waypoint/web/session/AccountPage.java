package org.waypoint.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.waypoint.api.security.SessionSignIn;
import org.waypoint.core.account.AccountService;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;

/**
 * The signed-in person's own account: who they are signed in as, and changing their password, which
 * signs out every other session of the account.
 */
@Named
@RequestScoped
public class AccountPage {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    @Inject
    AccountService accounts;

    @Inject
    Me me;

    @Inject
    SessionSignIn sessions;

    @Inject
    FormErrors errors;

    private String currentPassword;
    private String newPassword;
    private String confirmPassword;

    public void changePassword() {
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.add("currentPassword", Messages.text("account.error.currentMissing"));
        }
        checkNewPassword(errors, newPassword, confirmPassword);
        if (!errors.isEmpty()) {
            return;
        }
        if (!accounts.changePassword(me.actor(), currentPassword.toCharArray(), newPassword.toCharArray())) {
            errors.add("currentPassword", Messages.text("account.error.currentWrong"));
            return;
        }
        // Every other session of the account ends; this one signs in again, having just given the password.
        sessions.signInAlone(Pages.request(), Pages.response(), me.actor());
        Pages.redirect("/account", "done", "passwordChanged");
    }

    /** The rules a new password follows wherever it is chosen (here, or from a reset link): its length, and typed the same twice. */
    static void checkNewPassword(FormErrors errors, String newPassword, String confirmPassword) {
        if (newPassword == null || newPassword.length() < MIN_LENGTH || newPassword.length() > MAX_LENGTH) {
            errors.add("newPassword", Messages.text("account.error.newLength", MIN_LENGTH, MAX_LENGTH));
        } else if (!newPassword.equals(confirmPassword)) {
            errors.add("confirmPassword", Messages.text("account.error.confirm"));
        }
    }

    public String getCurrentPassword() {
        return null;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
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
