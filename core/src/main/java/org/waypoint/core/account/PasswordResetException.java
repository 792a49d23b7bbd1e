package org.waypoint.core.account;

/** A password reset link that cannot be used, and why. Carries neither the token nor the account. */
public class PasswordResetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a link does not work. */
    public enum Reason {
        UNKNOWN,
        EXPIRED,
        USED
    }

    private final Reason reason;

    public PasswordResetException(Reason reason) {
        super("password reset link " + reason.name().toLowerCase(java.util.Locale.ROOT), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
