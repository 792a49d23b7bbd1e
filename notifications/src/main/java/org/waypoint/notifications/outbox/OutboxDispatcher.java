package org.waypoint.notifications.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.notifications.mail.MailGateway;

/**
 * Sends what is due in the outbox a batch at a time: claim the due rows with a lease in one
 * transaction, send them, and record the outcome, so that the claim is visible to other instances
 * before the slow part begins. The lease must outlast the sending of one batch. At-least-once: a
 * crash between sending and recording sends the batch again after its lease runs out, with the same
 * Message-IDs. What each batch came to is announced ({@link DeliveryAttempts}) for the metrics.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    private final TransactionRunner transactions;
    private final Outbox outbox;
    private final Courier courier;
    private final RetryPolicy retry;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int batchSize;
    private final DomainEvents events;

    public OutboxDispatcher(TransactionRunner transactions, Outbox outbox, MailGateway gateway, RetryPolicy retry,
                            Clock clock, String owner, Duration lease, int batchSize, DomainEvents events) {
        this(transactions, outbox, new MailCourier(gateway), retry, clock, owner, lease, batchSize, events);
    }

    public OutboxDispatcher(TransactionRunner transactions, Outbox outbox, Courier courier, RetryPolicy retry,
                            Clock clock, String owner, Duration lease, int batchSize, DomainEvents events) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.courier = courier;
        this.retry = retry;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.batchSize = batchSize;
        this.events = events;
    }

    /** Sends one batch of due messages; answers how many rows it dealt with (sent or failed). */
    public int dispatchOnce() {
        List<OutgoingMail> claimed = claimDue();
        if (claimed.isEmpty()) {
            return 0;
        }
        // Each message is recorded sent as soon as the other end accepts it: a crash in the middle of a
        // batch then sends again only the one message in hand, not all accepted before it.
        List<String> sent = new ArrayList<>();
        Map<String, Exception> failures = courier.deliver(claimed, id -> {
            recordSent(id);
            sent.add(id);
        });
        int givenUp = 0;
        for (OutgoingMail mail : claimed) {
            Exception failure = failures.get(mail.id());
            if (failure != null && failed(mail, DeliveryErrors.describe(failure))) {
                givenUp++;
            }
        }
        events.publish(new DeliveryAttempts(courier.deliversWebhooks(), sent.size(), failures.size() - givenUp, givenUp));
        return claimed.size();
    }

    private List<OutgoingMail> claimDue() {
        try {
            return transactions.inTransaction(() -> {
                Instant now = clock.instant();
                // rows due but not claimed were taken by another instance in between: look again
                for (List<String> due = outbox.due(courier.deliversWebhooks(), now, batchSize); !due.isEmpty(); due = outbox.due(courier.deliversWebhooks(), now, batchSize)) {
                    List<OutboxMessage> claimed = outbox.claim(due, owner, now.plus(lease), now);
                    if (!claimed.isEmpty()) {
                        return claimed.stream().map(OutboxMessage::outgoing).toList();
                    }
                }
                return List.<OutgoingMail>of();
            });
        } catch (RuntimeException contended) {
            // a lock timeout or deadlock with another instance claiming the same rows: they are theirs
            LOG.log(Level.FINE, "Claim of due outbox messages lost: " + contended.getClass().getSimpleName());
            return List.of();
        }
    }

    private void recordSent(String id) {
        if (transactions.inTransaction(() -> outbox.markSent(List.of(id), owner, clock.instant())) == 0) {
            LOG.warning(() -> "Outbox message " + id + " was sent after its lease ran out");
        }
    }

    /** Records a failed attempt; answers whether it was the last (the message is FAILED now). */
    private boolean failed(OutgoingMail mail, String error) {
        Instant now = clock.instant();
        int failures = mail.attempts() + 1;
        boolean giveUp = !now.isBefore(mail.giveUpAfter());
        transactions.run(() -> {
            if (giveUp) {
                outbox.markFailed(mail.id(), owner, error);
            } else {
                outbox.retryLater(mail.id(), owner, retry.nextAttempt(failures, now), error);
            }
        });
        if (giveUp) {
            LOG.warning(() -> "Outbox message " + mail.id() + " FAILED after " + failures + " attempts: " + error);
        } else {
            LOG.info(() -> "Outbox message " + mail.id() + " attempt " + failures + " failed, will retry: " + error);
        }
        return giveUp;
    }

    public String owner() {
        return owner;
    }
}
