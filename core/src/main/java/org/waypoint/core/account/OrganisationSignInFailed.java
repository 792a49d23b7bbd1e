package org.waypoint.core.account;

import java.util.Locale;

/**
 * A sign-in through an organisation's identity provider that did not sign anyone in, and why. The
 * browser is told only that it failed; the reason goes to the audit trail and the log. Carries no
 * token, address or provider's message.
 */
public class OrganisationSignInFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No sign-in is waiting under that state: never begun, already used, or swept. */
        UNKNOWN_STATE,
        /** Begun more than ten minutes before. */
        EXPIRED,
        /** Begun by another browser (the cookie binding the state is missing or different). */
        OTHER_BROWSER,
        /** The organisation has no provider (any more). */
        NO_PROVIDER,
        /** The provider answered with an error, could not be reached, or its client secret is not configured. */
        PROVIDER_ERROR,
        /** The ID token failed validation: signature, issuer, audience, expiry or nonce. */
        INVALID_TOKEN,
        /**
         * The answer names another issuer than the provider the sign-in went to, or names none where the
         * provider says it always does (RFC 9207): another provider's answer, as a mix-up attack sends.
         */
        OTHER_ISSUER,
        /** The ID token carries no usable e-mail address, or says it is not verified. */
        NO_EMAIL,
        /** No Waypoint account has that address. */
        UNKNOWN_ACCOUNT,
        /** The account is disabled. */
        ACCOUNT_DISABLED,
        /** The account belongs to another organisation than the provider's. */
        OTHER_ORGANISATION,
        /**
         * The address belongs to an account bound to another person at the provider (another subject):
         * the organisation has given the address to someone else since.
         */
        OTHER_SUBJECT
    }

    private final Reason reason;

    public OrganisationSignInFailed(Reason reason) {
        super("organisation sign-in failed: " + reason.name().toLowerCase(Locale.ROOT), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
