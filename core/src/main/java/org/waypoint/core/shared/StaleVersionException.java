package org.waypoint.core.shared;

/** The caller acted on a version of the record that is no longer current: someone changed it first. */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String kind) {
        super("the " + kind + " has changed since it was read");
    }
}
