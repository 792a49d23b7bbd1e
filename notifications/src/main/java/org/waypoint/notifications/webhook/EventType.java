package org.waypoint.notifications.webhook;

import org.waypoint.core.referral.ReferralStatus;

/** What happened to a referral, as integrators are told it: in the event feed and in webhooks. */
public enum EventType {
    /** Sent to the service. */
    REFERRAL_SUBMITTED,
    /** Acknowledged by the service: REQUESTED became RECEIVED. */
    REFERRAL_RECEIVED,
    REFERRAL_ACCEPTED,
    REFERRAL_REJECTED,
    /** Any other change of status after submission (in progress, on hold, completed, failed, cancelled, entered in error). */
    REFERRAL_STATUS_CHANGED,
    /** A message between the two sides; its text is never in the event. */
    REFERRAL_MESSAGE_POSTED,
    /** The person withdrew consent; the referral is also cancelled (a REFERRAL_STATUS_CHANGED event). */
    REFERRAL_CONSENT_WITHDRAWN;

    /** The event a change of status to {@code to} makes. */
    public static EventType ofStatusChange(ReferralStatus to) {
        return switch (to) {
            case RECEIVED -> REFERRAL_RECEIVED;
            case ACCEPTED -> REFERRAL_ACCEPTED;
            case REJECTED -> REFERRAL_REJECTED;
            default -> REFERRAL_STATUS_CHANGED;
        };
    }
}
