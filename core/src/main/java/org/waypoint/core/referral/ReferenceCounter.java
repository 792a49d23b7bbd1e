package org.waypoint.core.referral;

/**
 * Hands out referral numbers, sequential per year, unique across every instance sharing the
 * database. A number taken by a transaction that rolls back is taken back with it.
 */
public interface ReferenceCounter {

    long next(int year);
}
