package org.waypoint.core.referral;

import java.util.Locale;

/** What someone did to a referral: the names in the timeline, the audit trail and error messages. */
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
}
