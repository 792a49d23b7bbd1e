package org.waypoint.core.shared;

/** The actor can see the record but their role may not take this action on it. */
public class NotPermittedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String action) {
        super("error.notPermitted", "not permitted to " + action);
    }
}
