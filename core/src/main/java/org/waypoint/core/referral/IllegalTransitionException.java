package org.waypoint.core.referral;

/** An action the lifecycle does not allow from the referral's current state; names both. */
public class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ReferralStatus status;
    private final ReferralAction action;

    public IllegalTransitionException(ReferralStatus status, ReferralAction action) {
        super("cannot " + action.verb() + " a referral that is " + status.fhirCode());
        this.status = status;
        this.action = action;
    }

    public ReferralStatus status() {
        return status;
    }

    public ReferralAction action() {
        return action;
    }
}
