package org.waypoint.core.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotFoundException;

/**
 * Browser sessions, kept in the database so that every instance knows every session: signing in
 * starts one and answers its secret (for the cookie), each request finds its actor by that secret,
 * and a person, or an administrator for anyone, ends them. Each request looks the account up again,
 * so a disabled account, or a password changed since sign-in, is out at its next request.
 */
@ApplicationScoped
public class BrowserSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BrowserSessionRepository sessions;
    private final AccountService accounts;
    private final UserAccountRepository users;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public BrowserSessions(BrowserSessionRepository sessions, AccountService accounts, UserAccountRepository users,
                           AuditTrail audit, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected BrowserSessions() {
        this(null, null, null, null, null);
    }

    /** A new random secret, for a cookie: of a session once signed in, or a visitor's form token before. */
    public static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Starts a session for {@code actor}, answering the secret its cookie carries. */
    @Transactional
    public String start(Actor actor) {
        return start(actor, BrowserSession.Stage.SIGNED_IN);
    }

    /**
     * Starts a session at {@code stage}: signed in, or (the password given) still waiting for the second
     * factor, when it signs nobody in and {@link #find} does not find it; {@link #findPending} does.
     */
    @Transactional
    public String start(Actor actor, BrowserSession.Stage stage) {
        String secret = newSecret();
        sessions.add(new BrowserSession(actor.userId(), AccountService.hash(secret), clock.instant(), stage));
        return secret;
    }

    /**
     * The session a cookie's secret names, with the actor it stands for, while it is live and its
     * account may still use it. A plain read that every signed-in request makes: no transaction.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SignedIn> find(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.findByHash(AccountService.hash(secret))
                .filter(s -> s.isSignedIn() && s.isLiveAt(now))
                .flatMap(s -> accounts.actorOf(s.userId(), s.signedInAt())
                        .map(actor -> new SignedIn(s.id(), actor, s.lastSeenIsStaleAt(now))));
    }

    /**
     * The session a cookie's secret names while it waits for its second factor (the password given):
     * whose it is and what it waits for. Such a session signs nobody in.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Pending> findPending(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.findByHash(AccountService.hash(secret))
                .filter(s -> !s.isSignedIn() && s.isLiveAt(now))
                .flatMap(s -> accounts.actorOf(s.userId(), s.signedInAt()).map(actor -> new Pending(actor, s.stage())));
    }

    /** Records that the session was used now, keeping it from its idle time-out. */
    @Transactional
    public void seen(String sessionId) {
        sessions.seen(sessionId, clock.instant());
    }

    /** Ends the session with this secret (signing out); nothing when there is none. */
    @Transactional
    public void end(String secret) {
        if (secret != null && !secret.isEmpty() && secret.length() <= 100) {
            sessions.removeByHash(AccountService.hash(secret));
        }
    }

    /** The signed-in person's sessions still live, newest first. */
    @Transactional
    public List<BrowserSession> of(Actor actor) {
        Instant now = clock.instant();
        return sessions.ofUser(actor.userId()).stream()
                .filter(s -> s.isSignedIn() && s.isLiveAt(now) && accounts.actorOf(s.userId(), s.signedInAt()).isPresent())
                .toList();
    }

    /** Ends one of the signed-in person's own sessions. */
    @Transactional
    public void end(Actor actor, String sessionId) {
        if (!sessions.remove(actor.userId(), sessionId)) {
            throw new NotFoundException("session");
        }
        audit.success(actor, AuditTrail.ACCOUNT, actor.userId(), AuditEvent.Action.UPDATE, "session ended");
    }

    /** Ends every session of the signed-in person but the one with {@code keptSessionId}. */
    @Transactional
    public int endOthers(Actor actor, String keptSessionId) {
        int ended = sessions.removeAllOf(actor.userId(), keptSessionId);
        if (ended > 0) {
            audit.success(actor, AuditTrail.ACCOUNT, actor.userId(), AuditEvent.Action.UPDATE, ended + " other sessions ended");
        }
        return ended;
    }

    /** An administrator ends every session of an account: it is signed out everywhere at its next request. */
    @Transactional
    public int endAll(Actor admin, String userId) {
        admin.requireRole(Role.ADMIN, "end an account's sessions");
        users.find(userId).orElseThrow(() -> new NotFoundException("account"));
        int ended = sessions.removeAllOf(userId, null);
        audit.success(admin, AuditTrail.ACCOUNT, userId, AuditEvent.Action.UPDATE, "all sessions ended (" + ended + ")");
        return ended;
    }

    /** Deletes the sessions that have timed out, answering how many. */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        return sessions.removeEnded(now.minus(BrowserSession.IDLE), now.minus(BrowserSession.LONGEST));
    }

    /** A browser that gave the password of {@code actor}'s account and waits at {@code stage}: not signed in. */
    public record Pending(Actor actor, BrowserSession.Stage stage) {

        @Override
        public String toString() {
            return "Pending[" + stage + "]";
        }
    }

    /** A live session and who it signs in; {@code seenIsStale} when this use should be recorded ({@link #seen}). */
    public record SignedIn(String sessionId, Actor actor, boolean seenIsStale) {

        @Override
        public String toString() {
            return "SignedIn[" + sessionId + "]";
        }
    }
}
