package org.waypoint.core.shared;

/** The actor can see the record but their role may not take this action on it. */
public class NotPermittedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String action) {
        super("not permitted to " + action);
    }
}
