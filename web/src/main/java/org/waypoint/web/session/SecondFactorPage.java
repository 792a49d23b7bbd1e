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
import org.waypoint.core.account.BrowserSessions.Pending;
import org.waypoint.core.account.SecondFactors;
import org.waypoint.core.account.Totp;
import org.waypoint.core.shared.Actor;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.security.SessionSignIn;

/**
 * The second step of signing in (docs/adr/0020-second-factor.md): a code from the authenticator app
 * or a recovery code ({@code /second-factor}); or setting an authenticator app up, from a QR code drawn
 * here and the secret as text, confirmed by a first code, after which the ten recovery codes are shown
 * this once ({@code /set-up-second-factor}). The set-up page also serves a signed-in person who sets one
 * up or replaces theirs from the account page. Only a right code signs the browser in, under a new secret.
 */
@Named
@RequestScoped
public class SecondFactorPage {

    static final String CODE_PAGE = "/second-factor";
    static final String SET_UP_PAGE = "/set-up-second-factor";

    @Inject
    SecondFactors factors;

    @Inject
    AccountService accounts;

    @Inject
    SessionSignIn sessions;

    @Inject
    FormErrors errors;

    private String code;
    private String secret;
    private List<String> recoveryCodes;

    /** Gives a code: a right one signs the browser in and leads on, as the password alone did before. */
    public void verify() {
        Optional<Pending> pending = sessions.pending(Pages.request()).filter(p -> p.stage() == BrowserSession.Stage.CODE);
        if (pending.isEmpty()) {
            Pages.redirect(PageAuthentication.SIGN_IN, "ended", "true");
            return;
        }
        if (code == null || code.isBlank()) {
            errors.add("code", Messages.text("secondFactor.error.codeMissing"));
            return;
        }
        Actor actor = pending.get().actor();
        switch (factors.check(actor, code)) {
            case ACCEPTED -> {
                sessions.signIn(Pages.request(), Pages.response(), actor);
                Pages.redirect(ReturnAddress.checked(getReturnTo()).orElse(Me.home(actor)));
            }
            case LOCKED -> errors.add("code", Messages.text("secondFactor.error.locked"));
            case WRONG -> errors.add("code", Messages.text("secondFactor.error.wrong"));
        }
        code = null;
    }

    /** Confirms the app set up with its first code; the recovery codes are then shown on this answer, once. */
    public void confirm() {
        Optional<Actor> actor = enroller();
        if (actor.isEmpty()) {
            Pages.redirect(PageAuthentication.SIGN_IN, "ended", "true");
            return;
        }
        if (code == null || code.isBlank()) {
            errors.add("code", Messages.text("secondFactor.error.codeMissing"));
            return;
        }
        Optional<List<String>> codes = factors.confirm(actor.get(), code);
        code = null;
        if (codes.isEmpty()) {
            errors.add("code", Messages.text("secondFactor.error.setUpWrong"));
            return;
        }
        // Every session of the account before now has ended; this browser is signed in under a new secret.
        sessions.signIn(Pages.request(), Pages.response(), actor.get());
        recoveryCodes = codes.get();
    }

    /** Who is setting a second factor up: a browser that must before it is signed in, or a signed-in person. */
    private Optional<Actor> enroller() {
        Optional<Actor> signedIn = sessions.actor(Pages.request());
        if (signedIn.isPresent()) {
            return signedIn;
        }
        return sessions.pending(Pages.request()).filter(p -> p.stage() == BrowserSession.Stage.ENROL).map(Pending::actor);
    }

    /** Whether this is the set-up at sign-in (not from the account page). */
    public boolean isAtSignIn() {
        return sessions.actor(Pages.request()).isEmpty();
    }

    /** The secret being set up, as text to type into an app, in groups of four. */
    public String getSecret() {
        return String.join(" ", rawSecret().split("(?<=\\G.{4})"));
    }

    /** The QR code of the secret, as inline SVG drawn here. */
    public String getQrCode() {
        String label = enroller().map(a -> accounts.me(a).email().value()).orElse("");
        String uri = "otpauth://totp/Waypoint:" + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20")
                + "?secret=" + rawSecret() + "&issuer=Waypoint&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return QrCodes.svg(uri, Messages.text("secondFactor.qrLabel"));
    }

    private String rawSecret() {
        if (secret == null) {
            secret = enroller().map(factors::enrolmentSecret).orElse("");
        }
        return secret;
    }

    /** The recovery codes just made, shown this once; null before. */
    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    /** Where to go once signed in. */
    public String getContinueTo() {
        return Pages.request().getContextPath() + ReturnAddress.checked(getReturnTo())
                .orElse(sessions.actor(Pages.request()).map(Me::home).orElse("/account"));
    }

    /** The page to go back to once signed in, carried from the sign-in page's address; checked before use. */
    public String getReturnTo() {
        return ReturnAddress.checked(Pages.request().getParameter(ReturnAddress.PARAMETER)).orElse(null);
    }

    public String getCode() {
        return null;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
