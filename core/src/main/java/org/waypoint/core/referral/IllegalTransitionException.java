package org.waypoint.core.referral;

import org.waypoint.core.shared.DomainException;

/** An action the lifecycle does not allow from the referral's current state; names both. */
public class IllegalTransitionException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final ReferralStatus status;
    private final ReferralAction action;

    public IllegalTransitionException(ReferralStatus status, ReferralAction action) {
        super("error.illegalTransition", "cannot " + action.verb() + " a referral that is " + status.fhirCode(), action.name(), status.name());
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
