package org.waypoint.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.waypoint.core.shared.InvalidField;

/**
 * A personal API token: shown once when created, kept only as a SHA-256 hash, valid until it
 * expires or its owner revokes it, and only while the owner's account is enabled.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
        // for JPA
    }

    ApiToken(String userId, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidField("name", "error.token.name", "a token name of 1 to 100 characters is required");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new InvalidField("expiresAt", "error.token.expiry", "a token expires after it is created");
        }
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.name = name.strip();
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean isValidAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    @Override
    public String toString() {
        return "ApiToken[" + id + "]";
    }
}
