package org.waypoint.core.shared;

/**
 * What was asked breaks a rule whatever the records hold (a justification without a safeguarding
 * override, a report ending before it starts): asking again the same way is refused again.
 */
public class RuleViolation extends DomainException {

    private static final long serialVersionUID = 1L;

    public RuleViolation(String key, String message, Object... arguments) {
        super(key, message, arguments);
    }
}
