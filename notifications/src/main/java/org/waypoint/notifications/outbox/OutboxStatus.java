package org.waypoint.notifications.outbox;

/** Where an outbox message stands. */
public enum OutboxStatus {
    /** Waiting for its first attempt or for its next retry. */
    PENDING,
    /** Accepted by the SMTP server, or written to the pickup folder. */
    SENT,
    /** Every retry failed for a day: kept, with the last error, until an administrator retries it. */
    FAILED
}
