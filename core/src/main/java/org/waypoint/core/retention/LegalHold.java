package org.waypoint.core.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.crypto.EncryptedStringConverter;

/**
 * A legal hold on a person or on one of their referrals, set and lifted by an administrator with a
 * reason. While it stands the person is never anonymised, by retention or by erasure. The reasons
 * are encrypted: an administrator's words may name someone.
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold {

    static final int MAX_REASON = 1000;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "client_id", nullable = false, updatable = false, length = 36)
    private String clientId;

    @Column(name = "referral_id", updatable = false, length = 36)
    private String referralId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(nullable = false, length = 4100)
    private String reason;

    @Column(name = "set_at", nullable = false, updatable = false)
    private Instant setAt;

    @Column(name = "set_by", nullable = false, updatable = false, length = 36)
    private String setBy;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    @Column(name = "lifted_by", length = 36)
    private String liftedBy;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "lift_reason", length = 4100)
    private String liftReason;

    protected LegalHold() {
    }

    /** A hold on the person {@code clientId}, or on their referral {@code referralId} when given. */
    public LegalHold(Actor admin, String clientId, Optional<String> referralId, String reason, Instant now) {
        admin.requireRole(Role.ADMIN, "set a legal hold");
        this.id = UUID.randomUUID().toString();
        this.clientId = clientId;
        this.referralId = referralId.orElse(null);
        this.reason = requireReason(reason);
        this.setAt = now;
        this.setBy = admin.userId();
    }

    public void lift(Actor admin, String reason, Instant now) {
        admin.requireRole(Role.ADMIN, "lift a legal hold");
        if (!isActive()) {
            throw new ConflictException("error.legalHold.lifted", "the legal hold is lifted already");
        }
        this.liftReason = requireReason(reason);
        this.liftedAt = now;
        this.liftedBy = admin.userId();
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "error.reason.required", "a reason is required");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON) {
            throw new InvalidField("reason", "error.field.tooLong",
                    "a reason is at most " + MAX_REASON + " characters", MAX_REASON);
        }
        return stripped;
    }

    public boolean isActive() {
        return liftedAt == null;
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    /** The referral held; empty when the hold is on the person. */
    public Optional<String> referralId() {
        return Optional.ofNullable(referralId);
    }

    public String reason() {
        return reason;
    }

    public Instant setAt() {
        return setAt;
    }

    public Optional<Instant> liftedAt() {
        return Optional.ofNullable(liftedAt);
    }

    @Override
    public String toString() {
        return "LegalHold[" + id + "]";
    }
}
