package org.waypoint.notifications.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.waypoint.core.referral.ReferralStatus;

/**
 * One entry of the event log: what happened to a referral, told to the two organisations party to it
 * (the referrer and the service's provider). Written in the transaction of the change; numbered by the
 * database in order of insertion, which is the feed's cursor. It holds ids, the reference, states and
 * organisations only: nothing about the person, no free text.
 */
@Entity
@Table(name = "event_log")
public class ReferralEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(nullable = false, length = 36, unique = true)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private EventType type;

    @Column(name = "referral_id", nullable = false, length = 36)
    private String referralId;

    @Column(nullable = false, length = 20)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status", length = 30)
    private ReferralStatus previousStatus;

    @Column(name = "service_id", nullable = false, length = 36)
    private String serviceId;

    @Column(name = "referrer_organisation_id", nullable = false, length = 36)
    private String referrerOrganisationId;

    @Column(name = "provider_organisation_id", nullable = false, length = 36)
    private String providerOrganisationId;

    @Column(name = "changed_by_organisation", length = 36)
    private String changedByOrganisationId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ReferralEvent() {
        // for JPA
    }

    public ReferralEvent(EventType type, String referralId, String reference, ReferralStatus status,
                         Optional<ReferralStatus> previousStatus, String serviceId, String referrerOrganisationId,
                         String providerOrganisationId, Optional<String> changedByOrganisationId, Instant occurredAt) {
        this.id = UUID.randomUUID().toString();
        this.type = Objects.requireNonNull(type, "an event has a type");
        this.referralId = Objects.requireNonNull(referralId, "an event names its referral");
        this.reference = Objects.requireNonNull(reference, "an event names the referral's reference");
        this.status = Objects.requireNonNull(status, "an event names the referral's status");
        this.previousStatus = previousStatus.orElse(null);
        this.serviceId = Objects.requireNonNull(serviceId, "an event names the service");
        this.referrerOrganisationId = Objects.requireNonNull(referrerOrganisationId, "an event names the referrer");
        this.providerOrganisationId = Objects.requireNonNull(providerOrganisationId, "an event names the provider");
        this.changedByOrganisationId = changedByOrganisationId.orElse(null);
        this.occurredAt = Objects.requireNonNull(occurredAt, "an event has a time");
    }

    /** Whether {@code organisationId} is party to the referral, and so is told of it. */
    public boolean concerns(String organisationId) {
        return referrerOrganisationId.equals(organisationId) || providerOrganisationId.equals(organisationId);
    }

    /** Its place in the log; known once it has been written. */
    public long seq() {
        return seq;
    }

    public String id() {
        return id;
    }

    public EventType type() {
        return type;
    }

    public String referralId() {
        return referralId;
    }

    public String reference() {
        return reference;
    }

    public ReferralStatus status() {
        return status;
    }

    public Optional<ReferralStatus> previousStatus() {
        return Optional.ofNullable(previousStatus);
    }

    public String serviceId() {
        return serviceId;
    }

    public String referrerOrganisationId() {
        return referrerOrganisationId;
    }

    public String providerOrganisationId() {
        return providerOrganisationId;
    }

    public Optional<String> changedByOrganisationId() {
        return Optional.ofNullable(changedByOrganisationId);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    @Override
    public String toString() {
        return "ReferralEvent[" + id + "]";
    }
}
