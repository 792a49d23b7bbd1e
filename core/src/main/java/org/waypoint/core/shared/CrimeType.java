package org.waypoint.core.shared;

/**
 * The kinds of crime Waypoint refers people for. Sexual offences and domestic abuse need the
 * person's explicit consent (or a recorded safeguarding override) before a referral is sent.
 */
public enum CrimeType {
    CHILD_SEXUAL_EXPLOITATION(true),
    CHILD_SEXUAL_ABUSE(true),
    GROOMING(true),
    RAPE(true),
    SEXUAL_ASSAULT(true),
    ONLINE_SEXUAL_ABUSE(true),
    DOMESTIC_ABUSE(true),
    STALKING(false),
    HARASSMENT(false),
    TRAFFICKING_AND_MODERN_SLAVERY(false),
    OTHER(false);

    private final boolean needsExplicitConsent;

    CrimeType(boolean needsExplicitConsent) {
        this.needsExplicitConsent = needsExplicitConsent;
    }

    /** Sexual offences and domestic abuse: no referral without explicit consent or a safeguarding override. */
    public boolean needsExplicitConsent() {
        return needsExplicitConsent;
    }
}
