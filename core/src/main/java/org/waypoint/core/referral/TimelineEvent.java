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
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.crypto.EncryptedStringConverter;

/** One step in a referral's history: who did what, when, from which state to which, and why. Never changed. */
@Entity
@Table(name = "referral_event")
public class TimelineEvent {

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

    @Column(name = "actor_user_id", nullable = false, updatable = false, length = 36)
    private String actorUserId;

    @Column(name = "actor_org_id", nullable = false, updatable = false, length = 36)
    private String actorOrganisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private ReferralAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false, length = 20)
    private ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false, length = 20)
    private ReferralStatus toStatus;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(updatable = false, length = 4000)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", updatable = false, length = 30)
    private EndReason reasonCode;

    /** The order of a timeline: by time, and in the order recorded within the same instant. */
    static final Comparator<TimelineEvent> ORDER =
            Comparator.comparing(TimelineEvent::at).thenComparingInt(event -> event.sequence);

    protected TimelineEvent() {
        // for JPA
    }

    TimelineEvent(Referral referral, Actor actor, Instant at, ReferralAction action, ReferralStatus from,
                  ReferralStatus to, String reason, EndReason reasonCode, int sequence) {
        this.id = UUID.randomUUID().toString();
        this.referral = referral;
        this.occurredAt = at;
        this.sequence = sequence;
        this.actorUserId = actor.userId();
        this.actorOrganisationId = actor.organisationId();
        this.action = action;
        this.fromStatus = from;
        this.toStatus = to;
        this.reason = reason;
        this.reasonCode = reasonCode;
    }

    public Instant at() {
        return occurredAt;
    }

    public String actorUserId() {
        return actorUserId;
    }

    public String actorOrganisationId() {
        return actorOrganisationId;
    }

    public ReferralAction action() {
        return action;
    }

    public Optional<ReferralStatus> from() {
        return Optional.ofNullable(fromStatus);
    }

    public ReferralStatus to() {
        return toStatus;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The code of a rejection's or failure's reason, where one was given. */
    public Optional<EndReason> reasonCode() {
        return Optional.ofNullable(reasonCode);
    }

    @Override
    public String toString() {
        return "TimelineEvent[" + id + "]";
    }
}
