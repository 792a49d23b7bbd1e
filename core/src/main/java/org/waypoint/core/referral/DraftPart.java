package org.waypoint.core.referral;

/** The parts of a draft answered after the person, each of which it needs before it is sent. */
public enum DraftPart {
    NEEDS,
    SERVICE,
    CONSENT
}
