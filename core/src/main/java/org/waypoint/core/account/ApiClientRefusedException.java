package org.waypoint.core.account;

/** A token request the client-credentials grant refuses, with OAuth's reason (RFC 6749 §5.2). */
public class ApiClientRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, in OAuth's words. */
    public enum Reason {
        /** Unknown client, wrong secret, or a revoked client: deliberately not told apart. */
        INVALID_CLIENT,
        /** A scope asked for that the client does not have, or that does not exist. */
        INVALID_SCOPE
    }

    private final Reason reason;

    public ApiClientRefusedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
