package org.waypoint.core.shared;

/** The assessed risk of further harm, as the DASH/CSE risk tools grade it. */
public enum RiskLevel {
    STANDARD,
    MEDIUM,
    HIGH
}
