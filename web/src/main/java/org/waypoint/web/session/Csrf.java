package org.waypoint.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.waypoint.web.security.SessionSignIn;

/**
 * The form token: every form on the pages carries it in a hidden field named {@value #FIELD}, and
 * {@link CsrfFilter} refuses a POST without the right one. It is worked out from the secret in the
 * browser's session cookie (a SHA-256 under a label of its own), so every instance knows it without
 * keeping it, and it changes whenever the secret does: at sign-in and sign-out. A page from another
 * site can read neither, so it cannot make a signed-in browser send a form.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    static final String FIELD = "csrf";

    @Inject
    HttpServletRequest request;

    /** The token for the forms of this page; {@link CsrfFilter} gave a visitor without a cookie a secret first. */
    public String getToken() {
        String secret = SessionSignIn.secret(request);
        return secret == null ? "" : of(secret);
    }

    public String getField() {
        return FIELD;
    }

    /** Whether the request carries the token of the browser's secret. */
    static boolean matches(String secret, String sent) {
        return secret != null && sent != null
                && MessageDigest.isEqual(of(secret).getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static String of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("waypoint form token\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
