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

    /**
     * Ids of pending messages due at {@code now} that nobody holds a live lease on, oldest due first:
     * the webhook deliveries, or else the e-mails.
     */
    List<String> due(boolean webhooks, Instant now, int limit);

    /**
     * Takes the rows for {@code owner} until {@code leaseUntil}, those still pending, due, and free (no
     * owner, or a lease that ran out before {@code now}), and answers the ones this owner has now, in
     * the order of {@code ids}.
     */
    List<OutboxMessage> claim(List<String> ids, String owner, Instant leaseUntil, Instant now);

    /**
     * Frees every pending row held under a lease, whoever holds it; answers how many. Only for a start on
     * a database one process alone can open (embedded Derby): every lease found then was left by a
     * process that has died, and its messages need not wait the lease out.
     */
    int freeLeasesOfEarlierProcesses();

    /** Records the rows as sent; answers how many this owner still held. */
    int markSent(List<String> ids, String owner, Instant now);

    /** A failed attempt that will be tried again at {@code nextAttempt}; the lease is given up. */
    boolean retryLater(String id, String owner, Instant nextAttempt, String error);

    /** A failed attempt after which the message is given up until an administrator retries it. */
    boolean markFailed(String id, String owner, String error);

    /** Messages in one state, newest first. */
    List<OutboxMessage> list(OutboxStatus status, int offset, int limit);

    long count(OutboxStatus status);

    /** How many messages wait (PENDING) or were given up (FAILED), by state and kind, in one grouped query. */
    List<OutboxDepth> depth();

    /** When the oldest message still waiting to be sent was written; empty when none waits. */
    Optional<Instant> oldestPending();
}
