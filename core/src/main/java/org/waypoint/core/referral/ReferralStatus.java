package org.waypoint.core.referral;

import java.util.Locale;

/** The state of a referral: the HL7 FHIR Task status codes, as the Gravity closed-loop referral guide uses them. */
public enum ReferralStatus {
    DRAFT,
    REQUESTED,
    RECEIVED,
    ACCEPTED,
    REJECTED,
    IN_PROGRESS,
    ON_HOLD,
    COMPLETED,
    FAILED,
    CANCELLED,
    ENTERED_IN_ERROR;

    /** The FHIR code, e.g. {@code in-progress}. */
    public String fhirCode() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the referral has ended: nothing more happens to it but messages and corrections. */
    public boolean isFinal() {
        return switch (this) {
            case REJECTED, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR -> true;
            default -> false;
        };
    }

    /** Submitted and not yet ended: a service has it in hand or is due to answer. */
    public boolean isOpen() {
        return this != DRAFT && !isFinal();
    }
}
