package org.waypoint.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A password reset link's token, kept only as its SHA-256 hash: working until it expires or is used,
 * whichever comes first. The token itself exists only in the e-mail.
 */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordResetToken() {
        // for JPA
    }

    PasswordResetToken(String userId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.userId = Objects.requireNonNull(userId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /** Why the token cannot be used at {@code now}, if it cannot. */
    Optional<PasswordResetException.Reason> refusalAt(Instant now) {
        if (usedAt != null) {
            return Optional.of(PasswordResetException.Reason.USED);
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(PasswordResetException.Reason.EXPIRED);
        }
        return Optional.empty();
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> usedAt() {
        return Optional.ofNullable(usedAt);
    }

    /** For an in-memory repository's {@link PasswordResetTokenRepository#markUsed}; the database one updates the row. */
    void markUsed(Instant at) {
        this.usedAt = at;
    }

    @Override
    public String toString() {
        return "PasswordResetToken[" + id + "]";
    }
}
