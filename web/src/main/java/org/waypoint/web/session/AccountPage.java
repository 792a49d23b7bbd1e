package org.waypoint.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.BrowserSessions;
import org.waypoint.core.account.SecondFactors;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.security.SessionSignIn;

/**
 * The signed-in person's own account: who they are signed in as; where they are signed in and their
 * API tokens, each of which they may end (a browser left signed in elsewhere, a token no longer
 * needed); their authenticator app (set up, replaced, new recovery codes); and changing their password,
 * which signs out every other session of the account, as replacing the authenticator app does.
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
    BrowserSessions browserSessions;

    @Inject
    Clock clock;

    @Inject
    SecondFactors secondFactors;

    @Inject
    FormErrors errors;

    private String currentPassword;
    private String newPassword;
    private String confirmPassword;
    private List<SessionRow> sessionRows;
    private List<TokenRow> tokenRows;
    private SecondFactors.Status secondFactor;
    private List<String> recoveryCodes;

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

    /** Where the person is signed in: this browser first, then the others, newest first. Read once a request. */
    public List<SessionRow> getSessions() {
        if (sessionRows == null) {
            String current = sessions.sessionId(Pages.request()).orElse("");
            sessionRows = browserSessions.of(me.actor()).stream()
                    .map(s -> new SessionRow(s.id(), Format.time(s.signedInAt()), Format.time(s.lastSeenAt()), s.id().equals(current)))
                    .sorted((a, b) -> Boolean.compare(b.current(), a.current()))
                    .toList();
        }
        return sessionRows;
    }

    /** The person's API tokens still in force. Read once a request. */
    public List<TokenRow> getTokens() {
        if (tokenRows == null) {
            Instant now = clock.instant();
            tokenRows = accounts.tokens(me.actor()).stream()
                    .filter(t -> t.revokedAt().isEmpty() && t.expiresAt().isAfter(now))
                    .map(t -> new TokenRow(t.id(), t.name(), Format.time(t.createdAt()), Format.time(t.expiresAt())))
                    .toList();
        }
        return tokenRows;
    }

    /** Signs one of the person's other browsers out. */
    public void endSession() {
        String id = Form.id("session");
        if (id == null || id.equals(sessions.sessionId(Pages.request()).orElse(null))) {
            errors.add("sessions", Messages.text("account.error.sessionGone"));
            return;
        }
        try {
            browserSessions.end(me.actor(), id);
        } catch (NotFoundException gone) {
            errors.add("sessions", Messages.text("account.error.sessionGone"));
            return;
        }
        Pages.redirect("/account", "done", "sessionEnded");
    }

    /** Signs every browser but this one out. */
    public void endOtherSessions() {
        sessions.sessionId(Pages.request()).ifPresent(current -> browserSessions.endOthers(me.actor(), current));
        Pages.redirect("/account", "done", "othersEnded");
    }

    /** The person's second factor: whether set up, since when, recovery codes left, and whether they must have one. Read once a request. */
    public SecondFactors.Status getSecondFactor() {
        if (secondFactor == null) {
            secondFactor = secondFactors.status(me.actor());
        }
        return secondFactor;
    }

    public String getSecondFactorSince() {
        return getSecondFactor().since().map(Format::time).orElse("");
    }

    /** New recovery codes in place of the old, shown on this answer only. */
    public void renewRecoveryCodes() {
        if (!getSecondFactor().set()) {
            return;
        }
        recoveryCodes = secondFactors.renewRecoveryCodes(me.actor());
        secondFactor = null;
    }

    /** The recovery codes just made; null unless they were made by this request. */
    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    /** Revokes one of the person's API tokens: it is refused from its next request. */
    public void revokeToken() {
        String id = Form.id("token");
        try {
            if (id == null) {
                throw new NotFoundException("token");
            }
            accounts.revokeToken(me.actor(), id);
        } catch (NotFoundException gone) {
            errors.add("tokens", Messages.text("account.error.tokenGone"));
            return;
        }
        Pages.redirect("/account", "done", "tokenRevoked");
    }

    /** A browser signed in; {@code current} when it is the one showing the page. */
    public record SessionRow(String id, String signedInAt, String lastSeenAt, boolean current) {
    }

    /** An API token in force, by the name its holder gave it. */
    public record TokenRow(String id, String name, String createdAt, String expiresAt) {
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
