package org.waypoint.core.referral;

/** On what ground the referral may be made. */
public enum ConsentBasis {
    /** The person referred agreed. */
    GIVEN_BY_PERSON,
    /** A parent or guardian agreed for a child. */
    GIVEN_BY_PARENT_OR_GUARDIAN,
    /**
     * The person sought help and did not object, but was not asked in so many words: enough for some
     * referrals, never for sexual offences or domestic abuse.
     */
    IMPLIED,
    /** No consent, but a safeguarding duty requires the referral; the justification and approver are recorded. */
    SAFEGUARDING_OVERRIDE;

    /** Asked and agreed in so many words, by the person or for a child by a parent or guardian. */
    public boolean isExplicit() {
        return this == GIVEN_BY_PERSON || this == GIVEN_BY_PARENT_OR_GUARDIAN;
    }
}
