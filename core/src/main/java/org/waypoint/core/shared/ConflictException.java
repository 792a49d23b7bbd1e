package org.waypoint.core.shared;

/**
 * What was asked does not fit the records as they are now (the e-mail address has an account
 * already, the referral has no needs yet, the hold is lifted already).
 */
public class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String key, String message, Object... arguments) {
        super(key, message, arguments);
    }
}
