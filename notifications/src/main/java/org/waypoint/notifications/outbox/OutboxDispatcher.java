package org.waypoint.notifications.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.waypoint.notifications.mail.MailGateway;

/**
 * Sends what is due in the outbox: for each due row, claim it with a lease, send it, and record the
 * outcome, each step in a transaction of its own so that the claim is visible to other instances
 * before the slow part begins. A row is claimed just before it is sent, so a lease needs to outlast
 * one message only. At-least-once: a crash between sending and recording sends the row again after
 * its lease runs out, with the same Message-ID.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    private final TransactionRunner transactions;
    private final Outbox outbox;
    private final MailGateway gateway;
    private final RetryPolicy retry;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int batchSize;

    public OutboxDispatcher(TransactionRunner transactions, Outbox outbox, MailGateway gateway, RetryPolicy retry,
                            Clock clock, String owner, Duration lease, int batchSize) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.gateway = gateway;
        this.retry = retry;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** Sends one batch of due messages; answers how many rows it dealt with (sent or failed). */
    public int dispatchOnce() {
        List<String> due = transactions.inTransaction(() -> outbox.due(clock.instant(), batchSize));
        if (due.isEmpty()) {
            return 0;
        }
        MailGateway.Connection connection;
        try {
            connection = gateway.open();
        } catch (Exception unreachable) {
            String error = DeliveryErrors.describe(unreachable);
            LOG.warning(() -> "Mail server unreachable; " + due.size() + " due messages wait for a retry: " + error);
            int handled = 0;
            for (String id : due) {
                Optional<OutgoingMail> mail = claim(id);
                if (mail.isPresent()) {
                    failed(mail.get(), error);
                    handled++;
                }
            }
            return handled;
        }
        int handled = 0;
        try (connection) {
            for (String id : due) {
                Optional<OutgoingMail> claimed = claim(id);
                if (claimed.isEmpty()) {
                    continue;
                }
                OutgoingMail mail = claimed.get();
                handled++;
                try {
                    connection.send(mail);
                } catch (Exception failure) {
                    failed(mail, DeliveryErrors.describe(failure));
                    continue;
                }
                boolean recorded = transactions.inTransaction(() -> outbox.markSent(mail.id(), owner, clock.instant()));
                if (!recorded) {
                    LOG.warning(() -> "Outbox message " + mail.id() + " was sent after its lease ran out");
                }
            }
        }
        return handled;
    }

    private Optional<OutgoingMail> claim(String id) {
        try {
            return transactions.inTransaction(() -> {
                Instant now = clock.instant();
                return outbox.claim(id, owner, now.plus(lease), now)
                        ? outbox.find(id).map(OutboxMessage::outgoing)
                        : Optional.<OutgoingMail>empty();
            });
        } catch (RuntimeException contended) {
            // a lock timeout or deadlock with another instance claiming the same row: it is theirs
            LOG.log(Level.FINE, "Claim of outbox message " + id + " lost: " + contended.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void failed(OutgoingMail mail, String error) {
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
    }

    public String owner() {
        return owner;
    }
}
