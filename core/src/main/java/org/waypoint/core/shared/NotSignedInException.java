package org.waypoint.core.shared;

/** Nobody is signed in, and the use case needs someone. */
public class NotSignedInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotSignedInException() {
        super("sign in first");
    }
}
