package org.waypoint.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.Page;

/**
 * Records reads and changes of personal data. Called inside the use case's transaction, so the
 * record of a change commits or rolls back with the change itself.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String CLIENT = "CLIENT";
    public static final String REFERRAL = "REFERRAL";
    public static final String ACCOUNT = "ACCOUNT";
    public static final String SERVICE = "SERVICE";
    /** The encryption keys: a rotation started. */
    public static final String KEYS = "KEYS";
    /** The retention runs and their dry runs, by counts. */
    public static final String RETENTION = "RETENTION";
    /** An organisation: its identity provider set or removed, a sign-in through it refused. */
    public static final String ORGANISATION = "ORGANISATION";
    /** The audit trail itself, verified. */
    public static final String AUDIT = "AUDIT";

    private final AuditEventRepository events;
    private final Clock clock;

    @Inject
    public AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected AuditTrail() {
        this.events = null;
        this.clock = null;
    }

    public void record(Actor actor, String recordType, String recordId, AuditEvent.Action action, String detail,
                       AuditEvent.Outcome outcome) {
        events.append(new AuditEvent(actor, clock.instant(), recordType, recordId, action, detail, outcome));
    }

    public void success(Actor actor, String recordType, String recordId, AuditEvent.Action action, String detail) {
        record(actor, recordType, recordId, action, detail, AuditEvent.Outcome.SUCCESS);
    }

    /** An administrator searches the trail: one page of the events asked for, newest first. */
    @Transactional
    public Page<AuditEvent> search(Actor admin, AuditQuery query) {
        admin.requireRole(Role.ADMIN, "search the audit log");
        return events.search(query);
    }
}
