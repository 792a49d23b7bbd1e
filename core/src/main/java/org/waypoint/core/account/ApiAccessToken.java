package org.waypoint.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A short-lived access token an API client got with its credentials, for some or all of its scopes.
 * Kept only as a SHA-256 hash; worth nothing once expired or once its client is revoked.
 */
@Entity
@Table(name = "api_access_token")
public class ApiAccessToken {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "client_id", nullable = false, length = 36)
    private String clientId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 400)
    private String scopes;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ApiAccessToken() {
        // for JPA
    }

    ApiAccessToken(String clientId, String tokenHash, Set<ApiScope> scopes, Instant issuedAt, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.clientId = clientId;
        this.tokenHash = tokenHash;
        this.scopes = ApiScope.list(scopes);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    String tokenHash() {
        return tokenHash;
    }

    public Set<ApiScope> scopes() {
        return ApiScope.parseList(scopes).orElseThrow(() -> new IllegalStateException("an unknown scope is stored for " + this));
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "ApiAccessToken[" + id + "]";
    }
}
