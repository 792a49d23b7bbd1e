package org.waypoint.core.referral;

/** A finer step beside the status, set by the service while it works the referral. */
public enum BusinessStatus {
    CONTACT_ATTEMPTED,
    CONTACT_MADE,
    WAITING_LIST,
    UNSAFE_TO_CONTACT,
    APPOINTMENT_BOOKED
}
