package org.waypoint.core.idempotency;

import java.util.Optional;

/** Where idempotency records are kept. */
public interface IdempotencyRepository {

    /** By the record id, {@code <user id>:<key>}. */
    Optional<IdempotencyRecord> find(String id);

    /** Adds the record now, so that a concurrent first request with the same key fails on the primary key. */
    void addAndFlush(IdempotencyRecord record);

    void remove(IdempotencyRecord record);
}
