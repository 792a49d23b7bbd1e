package org.waypoint.notifications.outbox;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an administrator sees of one outbox message: its state and recipient, never its body. The
 * referral, the time sent and the last error are null (left out of the JSON) where there is none.
 */
@Schema(description = "One outbox message as an administrator sees it: its state and recipient (an e-mail address, "
        + "or for kind WEBHOOK the id of the webhook subscription), never its body.",
        example = OutboxEntry.EXAMPLE)
public record OutboxEntry(String id, MailKind kind, String referralId, String recipient, OutboxStatus status,
                          Instant createdAt, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {

    /** A message that could not be delivered, as the API shows it (checked against a real answer by ApiIT). */
    static final String EXAMPLE = "{\"id\":\"0c6f9a52-3c1e-4c55-9a53-2f0d6d1e7a41\",\"kind\":\"NEW_REFERRAL\","
            + "\"referralId\":\"b4b5a132-7707-4357-9960-b43f0f085cd2\",\"recipient\":\"referrals@harbour.example.org\","
            + "\"status\":\"FAILED\",\"createdAt\":\"2026-03-02T09:30:00Z\",\"attempts\":12,"
            + "\"nextAttemptAt\":\"2026-03-03T09:30:00Z\",\"lastError\":\"SMTP 550: mailbox [address] unavailable\"}";

    static OutboxEntry of(OutboxMessage message) {
        return new OutboxEntry(message.id(), message.kind(), message.referralId().orElse(null),
                message.recipient(), message.status(), message.createdAt(), message.attempts(),
                message.nextAttemptAt(), message.sentAt().orElse(null), message.lastError().orElse(null));
    }

    @Override
    public String toString() {
        return "OutboxEntry[" + id + "]";
    }
}
