package org.waypoint.core.referral;

/**
 * Hands out referral numbers per year, unique across every instance sharing the database and
 * increasing on each instance. A number is never handed out twice; a submission that fails after
 * taking one leaves a gap.
 */
public interface ReferenceCounter {

    long next(int year);
}
