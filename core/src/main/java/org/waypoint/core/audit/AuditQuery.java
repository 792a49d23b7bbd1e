package org.waypoint.core.audit;

import java.time.Instant;
import java.util.Optional;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.Page;
import org.waypoint.core.shared.RuleViolation;

/**
 * What an administrator looks for in the audit log: events about one record, by one user, in a span
 * of time, or any mix of these; one page of them, newest first.
 *
 * @param recordId the record read or changed, of whatever type
 * @param userId   the user who acted
 * @param from     the earliest time, inclusive
 * @param until    the time the span ends, exclusive
 */
public record AuditQuery(Optional<String> recordId, Optional<String> userId, Optional<Instant> from,
                         Optional<Instant> until, int page, int size) {

    /** An id in the trail is at most this long; a longer one cannot match. */
    static final int MAX_ID = 36;

    public AuditQuery {
        recordId = id(recordId, "record id");
        userId = id(userId, "user id");
        from = from == null ? Optional.empty() : from;
        until = until == null ? Optional.empty() : until;
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new RuleViolation("error.dateRange.order", "the span of time ends before it starts");
        }
        Page.requireValid(page, size);
    }

    /** Every event, newest first. */
    public static AuditQuery all(int page, int size) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), page, size);
    }

    private static Optional<String> id(Optional<String> id, String what) {
        Optional<String> stripped = id == null ? Optional.empty() : id.map(String::strip).filter(s -> !s.isEmpty());
        if (stripped.isPresent() && stripped.get().length() > MAX_ID) {
            throw new InvalidField(what, "error.field.tooLong", "a " + what + " is at most " + MAX_ID + " characters", MAX_ID);
        }
        return stripped;
    }

    /** Whether an event is one this query asks for (the page aside). */
    public boolean matches(AuditEvent event) {
        return recordId.map(event.recordId()::equals).orElse(true)
                && userId.map(event.actorUserId()::equals).orElse(true)
                && from.map(f -> !event.at().isBefore(f)).orElse(true)
                && until.map(u -> event.at().isBefore(u)).orElse(true);
    }
}
