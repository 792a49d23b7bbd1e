package org.waypoint.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One of an account's single-use recovery codes, kept only as its SHA-256: for a lost authenticator. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "code_hash", nullable = false, unique = true, length = 64)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
        // for JPA
    }

    RecoveryCode(String userId, String codeHash, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "RecoveryCode[" + id + "]";
    }
}
