package org.waypoint.core.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Where idempotency records are kept. */
public interface IdempotencyRepository {

    /** By the record id, {@code <user id>:<key>}. */
    Optional<IdempotencyRecord> find(String id);

    /** Adds the record now, so that a concurrent first request with the same key fails on the primary key. */
    void addAndFlush(IdempotencyRecord record);

    void remove(IdempotencyRecord record);

    /**
     * Removes at most {@code limit} records created before {@code cutoff}, oldest first, whether
     * complete or not, in a transaction of their own so that a long sweep never holds one large
     * transaction; a record created at the cutoff stays.
     *
     * @return how many were removed
     */
    int removeCreatedBefore(Instant cutoff, int limit);
}
