package org.waypoint.core.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.crypto.EncryptedStringConverter;

/** A message between the referrer and the service about one referral. Never changed. */
@Entity
@Table(name = "referral_message")
public class ReferralMessage {

    /** Which side wrote it. */
    public enum Side {
        REFERRER,
        SERVICE
    }

    static final int MAX_BODY = 4000;

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "referral_id", nullable = false, updatable = false)
    private Referral referral;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "sequence", nullable = false, updatable = false)
    private int sequence;

    @Column(name = "author_user_id", nullable = false, updatable = false, length = 36)
    private String authorUserId;

    @Column(name = "author_org_id", nullable = false, updatable = false, length = 36)
    private String authorOrganisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    private Side side;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(nullable = false, updatable = false, length = 8000)
    private String body;

    protected ReferralMessage() {
        // for JPA
    }

    ReferralMessage(Referral referral, Actor author, Side side, String body, Instant at, int sequence) {
        if (body == null || body.isBlank()) {
            throw new InvalidField("body", "error.message.required", "a message needs some text");
        }
        if (body.strip().length() > MAX_BODY) {
            throw new InvalidField("body", "error.field.tooLong", "a message is at most " + MAX_BODY + " characters", MAX_BODY);
        }
        this.id = UUID.randomUUID().toString();
        this.referral = referral;
        this.authorUserId = author.userId();
        this.authorOrganisationId = author.organisationId();
        this.side = side;
        this.body = body.strip();
        this.occurredAt = at;
        this.sequence = sequence;
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return occurredAt;
    }

    public String authorUserId() {
        return authorUserId;
    }

    public Side side() {
        return side;
    }

    public String body() {
        return body;
    }

    @Override
    public String toString() {
        return "ReferralMessage[" + id + "]";
    }
}
