package org.waypoint.notifications.outbox;

import java.time.Instant;
import java.util.Optional;

/** What an administrator sees of one outbox message: its state and recipient, never its body. */
public record OutboxEntry(String id, MailKind kind, Optional<String> referralId, String recipient, OutboxStatus status,
                          Instant createdAt, int attempts, Instant nextAttemptAt, Optional<Instant> sentAt,
                          Optional<String> lastError) {

    static OutboxEntry of(OutboxMessage message) {
        return new OutboxEntry(message.id(), message.kind(), message.referralId(), message.recipient().value(),
                message.status(), message.createdAt(), message.attempts(), message.nextAttemptAt(), message.sentAt(),
                message.lastError());
    }

    @Override
    public String toString() {
        return "OutboxEntry[" + id + "]";
    }
}
