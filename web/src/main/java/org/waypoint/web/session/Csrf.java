package org.waypoint.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The session's form token: every form on the pages carries it in a hidden field named
 * {@value #FIELD}, and {@link CsrfFilter} refuses a POST without the right one. A page from another
 * site cannot read it, so it cannot make a signed-in browser send a form.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

    static final String FIELD = "csrf";
    private static final String ATTRIBUTE = "waypoint.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServletRequest request;

    /** The token for the forms of this page, starting a session for it if there is none. */
    public String getToken() {
        HttpSession session = request.getSession(true);
        Object token = session.getAttribute(ATTRIBUTE);
        if (token instanceof String existing) {
            return existing;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        session.setAttribute(ATTRIBUTE, fresh);
        return fresh;
    }

    public String getField() {
        return FIELD;
    }

    /** Drops the session's token, so that the next page gets a new one: at sign-in, a token seen before it is worth nothing. */
    static void renew(HttpSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    /** Whether the session exists and the request carries its token. */
    static boolean matches(HttpSession session, String sent) {
        Object token = session == null ? null : session.getAttribute(ATTRIBUTE);
        return token instanceof String expected && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
