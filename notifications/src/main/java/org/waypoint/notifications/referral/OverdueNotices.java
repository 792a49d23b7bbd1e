package org.waypoint.notifications.referral;

import java.time.Instant;
import java.time.LocalDate;

/** Which overdue referrals were reminded on which day, so that reminders go once a day. */
public interface OverdueNotices {

    /** Whether the referral was ever reminded of. */
    boolean anyFor(String referralId);

    boolean sentOn(String referralId, LocalDate day);

    /**
     * Records the reminder of {@code day}. Another instance that recorded the same day first makes
     * this fail, and with it the transaction that would have queued the reminder a second time.
     */
    void record(String referralId, LocalDate day, Instant now);
}
