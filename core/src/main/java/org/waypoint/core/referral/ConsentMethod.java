package org.waypoint.core.referral;

/** How consent was given. */
public enum ConsentMethod {
    IN_PERSON,
    TELEPHONE,
    WRITTEN,
    ELECTRONIC
}
