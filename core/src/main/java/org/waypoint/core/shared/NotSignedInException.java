package org.waypoint.core.shared;

/** Nobody is signed in, and the use case needs someone. */
public class NotSignedInException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotSignedInException() {
        super("error.notSignedIn", "sign in first");
    }
}
