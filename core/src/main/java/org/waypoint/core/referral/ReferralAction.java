package org.waypoint.core.referral;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What someone did to a referral: the names in the timeline, the audit trail and error messages,
 * and, by {@link #slug()}, in the addresses of the API and the pages.
 */
public enum ReferralAction {
    CREATE,
    UPDATE_DRAFT,
    SUBMIT,
    OPEN,
    ACCEPT,
    REJECT,
    START,
    HOLD,
    RESUME,
    COMPLETE,
    FAIL,
    CANCEL,
    MARK_ENTERED_IN_ERROR,
    SET_BUSINESS_STATUS,
    SEND_MESSAGE,
    WITHDRAW_CONSENT,
    REDIRECT,
    DISCARD;

    public String verb() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The action's name in an address: {@code accept}, {@code entered-in-error}, {@code business-status};
     * the service's acknowledgement ({@link #OPEN}, as the timeline names it) is {@code acknowledge}.
     */
    public String slug() {
        return switch (this) {
            case MARK_ENTERED_IN_ERROR -> "entered-in-error";
            case SET_BUSINESS_STATUS -> "business-status";
            case SEND_MESSAGE -> "message";
            case OPEN -> "acknowledge";
            default -> name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /** The action a slug names; empty for anything else. */
    public static Optional<ReferralAction> fromSlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug().equals(slug)).findFirst();
    }

    /** Whether the action ends the referral or undoes something, so that a person confirms it first. */
    public boolean isEnding() {
        return switch (this) {
            case REJECT, FAIL, CANCEL, WITHDRAW_CONSENT, MARK_ENTERED_IN_ERROR -> true;
            default -> false;
        };
    }

    /** Whether the action needs a reason: the ending ones, and putting a referral on hold. */
    public boolean needsReason() {
        return isEnding() || this == HOLD;
    }
}
