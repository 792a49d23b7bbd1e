package org.waypoint.core.subjectaccess;

import java.time.Instant;
import java.util.Optional;

/**
 * An e-mail or webhook queued about one of the person's referrals, by reference only: to whom, of
 * which kind, when, and whether it went; never its text.
 */
public record SentMail(String id, String referralId, String kind, String recipient, Instant queuedAt,
                       Optional<Instant> sentAt, String status) {

    /** The recipient is an address: never printed. */
    @Override
    public String toString() {
        return "SentMail[" + kind + ", " + status + ", recipient …]";
    }
}
