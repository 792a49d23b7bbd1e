package org.waypoint.core.account;

/** What a user account may do. */
public enum Role {
    /** Records people and their needs, makes referrals and follows them to an outcome. */
    CASEWORKER,
    /** Works the referrals sent to their organisation's services. */
    SERVICE_STAFF,
    /** Keeps the directory, organisations and accounts; watches the outbox and the audit log. */
    ADMIN
}
