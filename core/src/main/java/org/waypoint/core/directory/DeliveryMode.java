package org.waypoint.core.directory;

/** How a service meets the people it supports. */
public enum DeliveryMode {
    IN_PERSON,
    TELEPHONE,
    VIDEO,
    ONLINE_CHAT,
    HOME_VISIT
}
