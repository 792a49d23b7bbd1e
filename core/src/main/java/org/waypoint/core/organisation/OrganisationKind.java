package org.waypoint.core.organisation;

/** What an organisation does in Waypoint. */
public enum OrganisationKind {
    REFERRER,
    PROVIDER,
    REFERRER_AND_PROVIDER;

    public boolean refers() {
        return this != PROVIDER;
    }

    public boolean provides() {
        return this != REFERRER;
    }
}
