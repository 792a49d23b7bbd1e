package org.waypoint.notifications.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.EmailAddress;

/**
 * One e-mail to one recipient, or one webhook delivery to one subscription, written to the outbox in the transaction of the change it announces,
 * so that a change that rolls back sends nothing.
 *
 * <h2>Lifecycle</h2>
 * <pre>
 * PENDING --sent--> SENT
 * PENDING --failed, retried with backoff for a day--> PENDING ... --still failing--> FAILED
 * FAILED, PENDING --administrator retries--> PENDING (another day of retries)
 * </pre>
 * A dispatcher claims a PENDING row for a short lease before sending it (see {@link Outbox#claim});
 * the claim and the outcome are conditional updates in the database, so that several instances
 * never send a row together while they are alive. The id is the message's identity: a resend after
 * a crash carries the same Message-ID.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    /** How long a message is retried before it is marked FAILED. */
    public static final Duration RETRY_WINDOW = Duration.ofHours(24);

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private MailKind kind;

    @Column(name = "referral_id", length = 36)
    private String referralId;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(name = "body_text", nullable = false, length = 32000)
    private String bodyText;

    @Column(name = "body_html", nullable = false, length = 32000)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private OutboxStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "give_up_after", nullable = false)
    private Instant giveUpAfter;

    @Column(length = 100)
    private String owner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected OutboxMessage() {
        // for JPA
    }

    public OutboxMessage(RenderedMail mail, EmailAddress recipient, Optional<String> referralId, Instant now) {
        Objects.requireNonNull(mail, "an outbox message has content");
        this.id = UUID.randomUUID().toString();
        this.kind = mail.kind();
        this.referralId = referralId.orElse(null);
        this.recipient = Objects.requireNonNull(recipient, "an outbox message has one recipient").value();
        this.subject = mail.subject();
        this.bodyText = mail.text();
        this.bodyHtml = mail.html();
        this.status = OutboxStatus.PENDING;
        this.createdAt = now;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.giveUpAfter = now.plus(RETRY_WINDOW);
    }

    /**
     * A webhook delivery: the body, already the JSON to be signed and posted, to the subscription with
     * id {@code subscriptionId}, which the recipient column names. The subject holds the event type.
     */
    public static OutboxMessage webhook(String subscriptionId, String eventType, String body, String referralId,
                                        Instant now) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID().toString();
        message.kind = MailKind.WEBHOOK;
        message.referralId = Objects.requireNonNull(referralId, "a webhook delivery names its referral");
        message.recipient = Objects.requireNonNull(subscriptionId, "a webhook delivery has one subscription");
        message.subject = Objects.requireNonNull(eventType, "a webhook delivery has an event type");
        message.bodyText = Objects.requireNonNull(body, "a webhook delivery has a body");
        message.bodyHtml = "";
        message.status = OutboxStatus.PENDING;
        message.createdAt = now;
        message.attempts = 0;
        message.nextAttemptAt = now;
        message.giveUpAfter = now.plus(RETRY_WINDOW);
        return message;
    }

    /**
     * An administrator asks for another try: at once, and retried for another day if it fails. A
     * message that has been sent, or that a dispatcher holds right now, is left alone.
     */
    public void retry(Instant now) {
        if (status == OutboxStatus.SENT) {
            throw new ConflictException("error.outbox.sent", "the message has been sent");
        }
        if (isLeasedAt(now)) {
            throw new ConflictException("error.outbox.sending", "the message is being sent now");
        }
        this.status = OutboxStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.giveUpAfter = now.plus(RETRY_WINDOW);
        this.owner = null;
        this.leaseUntil = null;
    }

    private boolean isLeasedAt(Instant now) {
        return owner != null && leaseUntil != null && leaseUntil.isAfter(now);
    }

    /** What a mail gateway needs to send it. */
    public OutgoingMail outgoing() {
        return new OutgoingMail(id, recipient, subject, bodyText, bodyHtml, createdAt, attempts, giveUpAfter);
    }

    public String id() {
        return id;
    }

    public MailKind kind() {
        return kind;
    }

    public Optional<String> referralId() {
        return Optional.ofNullable(referralId);
    }

    /** An e-mail address; for a webhook delivery, the id of its subscription. */
    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return bodyText;
    }

    public String html() {
        return bodyHtml;
    }

    public OutboxStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + id + "]";
    }
}
