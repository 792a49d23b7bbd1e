package org.waypoint.notifications.webhook;

import java.time.Instant;
import java.util.List;

/** Where referral events are kept, in the order they were written. */
public interface EventLog {

    /** Writes the event in the current transaction. */
    void append(ReferralEvent event);

    /**
     * The events {@code organisationId} is party to, after position {@code after}, written no later
     * than {@code settledBefore}, in order, at most {@code limit}.
     */
    List<ReferralEvent> after(String organisationId, long after, Instant settledBefore, int limit);
}
