package org.waypoint.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.waypoint.core.account.BrowserSession;
import org.waypoint.core.account.BrowserSessions;
import org.waypoint.core.account.BrowserSessions.Pending;
import org.waypoint.core.account.BrowserSessions.SignedIn;
import org.waypoint.core.shared.Actor;

/**
 * Signing in with a browser. The cookie {@value #COOKIE} carries a random secret; signed in, the
 * secret names a session kept in the database ({@link BrowserSessions}), so any instance serves the
 * request and the session outlives the instance that began it. Nothing of it lives in a server's
 * memory: the container's own session is not used. Signing in always issues a new secret, so one
 * planted before sign-in is worth nothing. Before sign-in the same cookie's secret is the visitor's,
 * from which the form token is worked out (the pages' {@code Csrf}).
 */
@ApplicationScoped
public class SessionSignIn {

    /** The cookie's name. */
    public static final String COOKIE = "waypoint_session";

    /** The request attribute holding the secret chosen during this request, before the browser has it. */
    private static final String SECRET = "waypoint.sessionSecret";
    /** The request attribute holding this request's finding, looked up once a request. */
    private static final String FOUND = "waypoint.sessionFound";

    private final BrowserSessions sessions;

    @Inject
    public SessionSignIn(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    /** For CDI's proxy only. */
    protected SessionSignIn() {
        this(null);
    }

    /** Signs the browser in as {@code actor} under a new secret. */
    public void signIn(HttpServletRequest request, HttpServletResponse response, Actor actor) {
        start(request, response, actor, BrowserSession.Stage.SIGNED_IN);
    }

    /**
     * The browser gave {@code actor}'s password, and waits at {@code stage} for the second factor: under
     * a new secret, it is not signed in ({@link #actor} finds nobody) but {@link #pending} finds it.
     */
    public void signInPending(HttpServletRequest request, HttpServletResponse response, Actor actor, BrowserSession.Stage stage) {
        start(request, response, actor, stage);
    }

    /** Whose password the browser gave and what it still has to do, while it waits for its second factor. */
    public Optional<Pending> pending(HttpServletRequest request) {
        return sessions.findPending(secret(request));
    }

    private void start(HttpServletRequest request, HttpServletResponse response, Actor actor, BrowserSession.Stage stage) {
        String old = secret(request);
        String secret = sessions.start(actor, stage);
        if (old != null) {
            sessions.end(old);
        }
        setCookie(request, response, secret);
        request.removeAttribute(FOUND);
    }

    /**
     * Signs the browser in again as {@code actor} and ends every other session of the account: after
     * its password changed, only the browser that changed it stays signed in.
     */
    public void signInAlone(HttpServletRequest request, HttpServletResponse response, Actor actor) {
        signIn(request, response, actor);
        found(request).ifPresent(session -> sessions.endOthers(actor, session.sessionId()));
    }

    /** Who the request's session is signed in as, if anyone still may be. */
    public Optional<Actor> actor(HttpServletRequest request) {
        return found(request).map(SignedIn::actor);
    }

    /** The id of the request's own session, to tell it apart in the list of a person's sessions. */
    public Optional<String> sessionId(HttpServletRequest request) {
        return found(request).map(SignedIn::sessionId);
    }

    /**
     * Ends the browser's session, takes its cookie back, and asks the browser to drop what it may keep of
     * this site (its cache and storage; {@code Clear-Site-Data}). Not its cookies that way: that would
     * clear every cookie of the registrable domain, other services' at a shared council or force domain
     * included.
     */
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        String secret = secret(request);
        if (secret != null) {
            sessions.end(secret);
        }
        request.removeAttribute(FOUND);
        request.removeAttribute(SECRET);
        Cookie gone = cookie(request, "");
        gone.setMaxAge(0);
        response.addCookie(gone);
        response.setHeader("Clear-Site-Data", "\"cache\", \"storage\"");
    }

    /**
     * The browser's secret: chosen during this request, or sent by the browser; a visitor without one
     * is given one now. The response must not yet be committed.
     */
    public String visitorSecret(HttpServletRequest request, HttpServletResponse response) {
        String secret = secret(request);
        if (secret == null) {
            secret = BrowserSessions.newSecret();
            setCookie(request, response, secret);
        }
        return secret;
    }

    /** The browser's secret, chosen during this request or sent by the browser, if it has one. */
    public static String secret(HttpServletRequest request) {
        if (request.getAttribute(SECRET) instanceof String chosen) {
            return chosen;
        }
        return cookieValue(request, COOKIE);
    }

    /** The value of the cookie the browser sent by this name, if it sent one that is not empty. */
    public static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private Optional<SignedIn> found(HttpServletRequest request) {
        if (request.getAttribute(FOUND) instanceof Found found) {
            return found.session();
        }
        Optional<SignedIn> session = sessions.find(secret(request));
        session.filter(SignedIn::seenIsStale).ifPresent(stale -> sessions.seen(stale.sessionId()));
        request.setAttribute(FOUND, new Found(session));
        return session;
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, String secret) {
        request.setAttribute(SECRET, secret);
        response.addCookie(cookie(request, secret));
    }

    /**
     * The cookie: for this application's addresses only, not readable by script, sent only over TLS
     * when the request came so, and never with a request another site starts.
     */
    private static Cookie cookie(HttpServletRequest request, String value) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }

    private record Found(Optional<SignedIn> session) {
    }
}
