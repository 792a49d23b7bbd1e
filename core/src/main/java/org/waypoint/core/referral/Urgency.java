package org.waypoint.core.referral;

/** How soon the service must acknowledge. An urgent referral is due by the end of the next working day. */
public enum Urgency {
    ROUTINE,
    URGENT
}
