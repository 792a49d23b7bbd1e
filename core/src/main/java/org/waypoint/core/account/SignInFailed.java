package org.waypoint.core.account;

/**
 * A sign-in with e-mail address and password was refused. It names nobody: it is for counting.
 *
 * @param reason        why it was refused
 * @param lockedAccount whether this failure locked the account (the last of the failures in a row allowed)
 */
public record SignInFailed(Reason reason, boolean lockedAccount) {

    public enum Reason {
        /** No account has that address. */
        UNKNOWN_ACCOUNT,
        /** The account is locked or disabled, whatever the password. */
        REFUSED,
        /** The password is wrong. */
        WRONG_PASSWORD
    }
}
