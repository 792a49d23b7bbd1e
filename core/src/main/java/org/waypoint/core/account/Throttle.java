package org.waypoint.core.account;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts requests per key in fixed windows, in the database, so that every instance counts alike.
 * A key is a hash of what is counted, never the thing itself.
 */
public interface Throttle {

    /** Counts one more request for {@code key} and answers whether it is within {@code limit} for the window it falls in. */
    boolean tryAcquire(String key, int limit, Duration window, Instant now);
}
