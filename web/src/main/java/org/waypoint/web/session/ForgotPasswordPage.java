package org.waypoint.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.waypoint.core.account.PasswordResets;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;

/**
 * Asking for a password reset link. The answer reads the same whether or not the address has an
 * account, and whether or not it was asked for too often: only the inbox tells.
 */
@Named
@RequestScoped
public class ForgotPasswordPage {

    @Inject
    PasswordResets resets;

    @Inject
    FormErrors errors;

    private String email;

    public void send() {
        String address = Pages.trimmed(email);
        if (address == null) {
            errors.add("email", Messages.text("forgotPassword.error.emailMissing"));
            return;
        }
        EmailAddress parsed;
        try {
            parsed = new EmailAddress(address);
        } catch (InvalidField notAnAddress) {
            errors.add("email", Messages.text("forgotPassword.error.emailInvalid"));
            return;
        }
        resets.request(parsed, Pages.request().getRemoteAddr());
        Pages.redirect(PageAuthentication.FORGOT_PASSWORD, "sent", "true");
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
