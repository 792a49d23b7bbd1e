package org.waypoint.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.shared.Actor;

/**
 * Signing in with a browser: the session remembers only who signed in and when. Each request looks
 * the account up again, so a disabled account, a changed role or a changed password (which ends every
 * session signed in before it) counts at once. A session ends
 * after 30 minutes idle (the container's session timeout, {@code web.xml}) and 8 hours in all;
 * signing in gives the session a new id, so an id planted before sign-in is worth nothing.
 */
@ApplicationScoped
public class SessionSignIn {

    /** The longest a browser session stays signed in, however busy. */
    public static final Duration LONGEST = Duration.ofHours(8);

    private static final String ATTRIBUTE = "waypoint.signedIn";

    private final AccountService accounts;
    private final Clock clock;

    @Inject
    public SessionSignIn(AccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected SessionSignIn() {
        this(null, null);
    }

    /**
     * Signs the request's session in as {@code actor}, under a new session id. Also what keeps the
     * session that changed the account's password signed in, while every other one ends.
     */
    public void signIn(HttpServletRequest request, Actor actor) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, new SignedIn(actor.userId(), clock.instant()));
    }

    /** Who the request's session is signed in as, if anyone still may be. */
    public Optional<Actor> actor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof SignedIn signedIn)) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(signedIn.at().plus(LONGEST))) {
            session.invalidate();
            return Optional.empty();
        }
        Optional<Actor> actor = accounts.actorOf(signedIn.userId(), signedIn.at());
        if (actor.isEmpty()) {
            session.invalidate();
        }
        return actor;
    }

    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** What a session keeps: no name, no role, nothing personal. */
    private record SignedIn(String userId, Instant at) implements Serializable {
    }
}
