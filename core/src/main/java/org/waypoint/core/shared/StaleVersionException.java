package org.waypoint.core.shared;

import java.util.OptionalLong;

/** The caller acted on a version of the record that is no longer current: someone changed it first. */
public class StaleVersionException extends DomainException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String kind) {
        super("error.staleVersion", "the " + kind + " has changed since it was read");
    }

    /** Refuses a change made on a version other than the current one, when the caller named one. */
    public static void requireCurrent(String kind, long currentVersion, OptionalLong expectedVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != currentVersion) {
            throw new StaleVersionException(kind);
        }
    }
}
