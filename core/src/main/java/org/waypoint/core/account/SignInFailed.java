package org.waypoint.core.account;

/**
 * A sign-in with e-mail address and password (and second factor) was refused. It names nobody: it is for counting.
 *
 * @param reason        why it was refused
 * @param lockedAccount whether this failure locked the account, or its codes (the last of the failures in a row allowed)
 */
public record SignInFailed(Reason reason, boolean lockedAccount) {

    public enum Reason {
        /** No account has that address. */
        UNKNOWN_ACCOUNT,
        /** The account is locked or disabled, whatever the password. */
        REFUSED,
        /** The password is wrong. */
        WRONG_PASSWORD,
        /** The password was right, but the second factor's code (or recovery code) is wrong or refused. */
        WRONG_CODE
    }
}
