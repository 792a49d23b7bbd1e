package org.waypoint.core.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Why a service rejected a referral or ended its work without an outcome, as a code the reports can
 * count (the reason's own words stay free text beside it, encrypted, and are never counted). Each
 * code belongs to rejecting, failing or both.
 */
public enum EndReason {
    /** The person is outside the service's eligibility (age, gender, crime type, risk). */
    NOT_ELIGIBLE(ReferralAction.REJECT),
    /** The person lives outside the area the service covers. */
    OUTSIDE_AREA(ReferralAction.REJECT),
    /** No places, or the waiting list is closed. */
    NO_CAPACITY(ReferralAction.REJECT),
    /** Another service would meet the person's needs better. */
    BETTER_MET_ELSEWHERE(ReferralAction.REJECT),
    /** Already supported by this service or another for the same needs. */
    ALREADY_SUPPORTED(ReferralAction.REJECT),
    /** The person could not be reached. */
    UNABLE_TO_CONTACT(ReferralAction.REJECT, ReferralAction.FAIL),
    /** The person said they did not want the support. */
    DECLINED_SUPPORT(ReferralAction.REJECT, ReferralAction.FAIL),
    /** The person stopped taking part. */
    DISENGAGED(ReferralAction.FAIL),
    /** The person moved out of the area. */
    MOVED_AWAY(ReferralAction.FAIL),
    /** The service could not go on (it closed, or the risk changed beyond what it can hold). */
    SERVICE_COULD_NOT_CONTINUE(ReferralAction.FAIL),
    /** Anything else; the free text says what. */
    OTHER(ReferralAction.REJECT, ReferralAction.FAIL);

    private final Set<ReferralAction> actions;

    EndReason(ReferralAction... actions) {
        this.actions = Set.of(actions);
    }

    /** Whether the code may explain {@code action}. */
    public boolean explains(ReferralAction action) {
        return actions.contains(action);
    }

    /** The codes that may explain {@code action}, in their order here (the order a form offers them). */
    public static List<EndReason> forAction(ReferralAction action) {
        return Arrays.stream(values()).filter(r -> r.explains(action)).toList();
    }
}
