package org.waypoint.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A browser signed in: whose, since when, and when it was last used. The browser's cookie holds a
 * random secret, of which only the SHA-256 is kept here, so a copy of the table signs nobody in. A
 * session ends after {@link #IDLE} unused and {@link #LONGEST} after sign-in, however busy.
 */
@Entity
@Table(name = "browser_session")
public class BrowserSession {

    /** How long a session unused stays signed in. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** The longest a session stays signed in, however busy. */
    public static final Duration LONGEST = Duration.ofHours(8);
    /**
     * How stale the last-seen time may get before a request writes it again: one write a minute at
     * most, not one a request, at the price of an idle time-out up to a minute late.
     */
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);
    /** How long a browser that gave its password has to give its second factor, or set one up. */
    public static final Duration PENDING = Duration.ofMinutes(10);

    /** How far signing in has got: signed in, or waiting for the second factor (a code, or setting one up). */
    public enum Stage {
        SIGNED_IN,
        /** The password was right; a code from the authenticator app, or a recovery code, is asked for. */
        CODE,
        /** The password was right; the account must set a second factor up before it is signed in. */
        ENROL
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "signed_in_at", nullable = false)
    private Instant signedInAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Stage stage;

    protected BrowserSession() {
        // for JPA
    }

    BrowserSession(String userId, String tokenHash, Instant signedInAt) {
        this(userId, tokenHash, signedInAt, Stage.SIGNED_IN);
    }

    BrowserSession(String userId, String tokenHash, Instant signedInAt, Stage stage) {
        this.stage = stage;
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.signedInAt = signedInAt;
        this.lastSeenAt = signedInAt;
    }

    /** Whether the session is still signed in at {@code now}: used within its idle time, and not too old. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(lastSeenAt.plus(IDLE)) && !now.isAfter(signedInAt.plus(stage == Stage.SIGNED_IN ? LONGEST : PENDING));
    }

    /** Whether the browser is signed in, rather than still waiting at its second factor. */
    public boolean isSignedIn() {
        return stage == Stage.SIGNED_IN;
    }

    public Stage stage() {
        return stage;
    }

    boolean lastSeenIsStaleAt(Instant now) {
        return !now.isBefore(lastSeenAt.plus(SEEN_EVERY));
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public Instant signedInAt() {
        return signedInAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    @Override
    public String toString() {
        return "BrowserSession[" + id + "]";
    }
}
