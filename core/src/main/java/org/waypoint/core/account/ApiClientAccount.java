package org.waypoint.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.RuleViolation;

/**
 * An organisation's system that calls the API on its own behalf (OAuth 2.0 client credentials), not
 * a person: it acts in one role of its organisation, within the scopes it was given. Its secret is kept
 * only as a SHA-256 hash. Revoked, it gets no token and every token it holds is refused at once; it
 * stays, so that what it did stays attributed.
 */
@Entity
@Table(name = "api_client")
public class ApiClientAccount {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "organisation_id", nullable = false, length = 36)
    private String organisationId;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    /** OAuth's space-separated list. */
    @Column(nullable = false, length = 400)
    private String scopes;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiClientAccount() {
        // for JPA
    }

    ApiClientAccount(Organisation organisation, String name, Role role, Set<ApiScope> scopes, String secretHash,
                     Instant createdAt, String createdBy) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidField("name", "error.apiClient.name", "an API client's name has 1 to 100 characters");
        }
        InvalidField.required(role, "role", "error.field.required", "an API client's role is required");
        if (role == Role.ADMIN) {
            throw new RuleViolation("error.apiClient.role",
                    "an API client acts as a caseworker or as service staff, never as an administrator");
        }
        if (role == Role.CASEWORKER && !organisation.kind().refers()) {
            throw new RuleViolation("error.apiClient.caseworkerOrganisation",
                    "an API client in the caseworker's role belongs to an organisation that refers");
        }
        if (role == Role.SERVICE_STAFF && !organisation.kind().provides()) {
            throw new RuleViolation("error.apiClient.staffOrganisation",
                    "an API client in the service staff's role belongs to an organisation that provides services");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidField("scopes", "error.apiClient.scopes", "an API client has at least one scope");
        }
        this.id = UUID.randomUUID().toString();
        this.organisationId = organisation.id();
        this.name = name.strip();
        this.role = role;
        this.scopes = ApiScope.list(scopes);
        this.secretHash = Objects.requireNonNull(secretHash);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** Whether {@code secretHash} is this client's, compared in constant time. */
    boolean hasSecretHash(String candidateHash) {
        return MessageDigest.isEqual(secretHash.getBytes(StandardCharsets.US_ASCII),
                candidateHash.getBytes(StandardCharsets.US_ASCII));
    }

    public boolean active() {
        return revokedAt == null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** The client as the actor it acts as: its own id stands where a person's would, in the audit trail and the timeline. */
    public Actor asActor() {
        return new Actor(id, organisationId, role);
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public Set<ApiScope> scopes() {
        return ApiScope.parseList(scopes).orElseThrow(() -> new IllegalStateException("an unknown scope is stored for " + this));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    @Override
    public String toString() {
        return "ApiClientAccount[" + id + "]";
    }
}
