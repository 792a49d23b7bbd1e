package org.waypoint.core.shared;

/** How a person describes their gender, for eligibility and for how a service approaches them. */
public enum Gender {
    FEMALE,
    MALE,
    NON_BINARY,
    SELF_DESCRIBED,
    NOT_SAID
}
