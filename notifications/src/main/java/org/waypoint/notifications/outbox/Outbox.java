package org.waypoint.notifications.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where outbox messages are kept. The changes of state after a message is written are conditional
 * updates: each names the owner that claimed the row, and answers whether it still held it.
 */
public interface Outbox {

    void add(OutboxMessage message);

    Optional<OutboxMessage> find(String id);

    /** Ids of pending messages due at {@code now} that nobody holds a live lease on, oldest due first. */
    List<String> due(Instant now, int limit);

    /**
     * Takes the row for {@code owner} until {@code leaseUntil}, if it is still pending, due, and free
     * (no owner, or a lease that ran out before {@code now}). True if this owner has it now.
     */
    boolean claim(String id, String owner, Instant leaseUntil, Instant now);

    boolean markSent(String id, String owner, Instant now);

    /** A failed attempt that will be tried again at {@code nextAttempt}; the lease is given up. */
    boolean retryLater(String id, String owner, Instant nextAttempt, String error);

    /** A failed attempt after which the message is given up until an administrator retries it. */
    boolean markFailed(String id, String owner, String error);

    /** Messages in one state, newest first. */
    List<OutboxMessage> list(OutboxStatus status, int offset, int limit);

    long count(OutboxStatus status);
}
