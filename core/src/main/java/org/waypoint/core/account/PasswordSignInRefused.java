package org.waypoint.core.account;

import org.waypoint.core.shared.RuleViolation;

/**
 * A right password, refused: the account's organisation signs its staff in through its own identity
 * provider (docs/adr/0022-organisations-sign-in-with-openid-connect.md), and a password, even one set
 * by a reset link, signs none of them in.
 */
public class PasswordSignInRefused extends RuleViolation {

    private static final long serialVersionUID = 1L;

    public PasswordSignInRefused() {
        super("error.signIn.organisationProvider",
                "This account's organisation signs its staff in through its own identity provider: use \"Sign in with your organisation's account\".");
    }
}
