package org.waypoint.core.directory;

/** Whether a service is taking referrals now. */
public enum Capacity {
    /** Taking referrals. */
    OPEN,
    /** Taking referrals onto a waiting list; the service states the wait in weeks. */
    WAITING_LIST,
    /** Not taking referrals: never offered to a caseworker. */
    CLOSED
}
