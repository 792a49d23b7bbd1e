package org.waypoint.core.referral;

/**
 * Hands out referral numbers, increasing per year, unique across every instance sharing the
 * database. A number is never handed out twice; a submission that fails after taking one leaves a
 * gap.
 */
public interface ReferenceCounter {

    long next(int year);
}
