package org.waypoint.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.waypoint.core.shared.Actor;

/**
 * One read or change of personal data: who (user and organisation), when (UTC), which record, what
 * they did and whether they were allowed. Append-only: nothing in the application changes or
 * deletes one, and every column refuses updates.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    /** What was done. */
    public enum Action {
        READ,
        LIST,
        CREATE,
        UPDATE,
        SEARCH,
        DELETE
    }

    /** Whether it was allowed. */
    public enum Outcome {
        SUCCESS,
        DENIED,
        REFUSED
    }

    @Id
    @Column(length = 36, updatable = false)
    private String id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_user_id", nullable = false, updatable = false, length = 36)
    private String actorUserId;

    @Column(name = "actor_org_id", nullable = false, updatable = false, length = 36)
    private String actorOrganisationId;

    @Column(name = "record_type", nullable = false, updatable = false, length = 30)
    private String recordType;

    @Column(name = "record_id", nullable = false, updatable = false, length = 36)
    private String recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Action action;

    @Column(name = "detail", updatable = false, length = 200)
    private String detail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    private Outcome outcome;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(Actor actor, Instant at, String recordType, String recordId, Action action, String detail,
               Outcome outcome) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = Objects.requireNonNull(at);
        this.actorUserId = actor.userId();
        this.actorOrganisationId = actor.organisationId();
        this.recordType = Objects.requireNonNull(recordType);
        // An id asked for by a caller may be anything; the trail keeps what fits.
        this.recordId = Objects.requireNonNull(recordId).length() > 36 ? recordId.substring(0, 36) : recordId;
        this.action = Objects.requireNonNull(action);
        this.detail = detail;
        this.outcome = Objects.requireNonNull(outcome);
    }

    public String id() {
        return id;
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

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }

    public Action action() {
        return action;
    }

    /** The use case's own name for what happened, e.g. {@code accept}; never personal data. */
    public String detail() {
        return detail;
    }

    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return "AuditEvent[" + id + "]";
    }
}
