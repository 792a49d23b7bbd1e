package org.waypoint.notifications.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.Page;
import org.waypoint.notifications.mail.PickupFile;
import org.waypoint.notifications.mail.PickupFolder;

/** The administrator's view of the outbox: pending, failed and sent messages, a retry, the pickup folder. */
@ApplicationScoped
@Transactional
public class OutboxAdmin {

    /** The pages' page of messages; the API's caller chooses, up to {@link Page#MAX_SIZE}. */
    public static final int PAGE_SIZE = 50;
    private static final Logger LOG = Logger.getLogger(OutboxAdmin.class.getName());

    private final Outbox outbox;
    private final PickupFolder pickup;
    private final Clock clock;

    @Inject
    public OutboxAdmin(Outbox outbox, PickupFolder pickup, Clock clock) {
        this.outbox = outbox;
        this.pickup = pickup;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected OutboxAdmin() {
        this(null, null, null);
    }

    public OutboxPage list(Actor actor, OutboxStatus status, int page) {
        return list(actor, status, page, PAGE_SIZE);
    }

    /** One page of the messages in one state, newest first; page from 0, size from 1 to {@link Page#MAX_SIZE}. */
    public OutboxPage list(Actor actor, OutboxStatus status, int page, int size) {
        actor.requireRole(Role.ADMIN, "list the outbox");
        Page.requireValid(page, size);
        List<OutboxEntry> entries = outbox.list(status, page * size, size).stream().map(OutboxEntry::of).toList();
        return new OutboxPage(entries, outbox.count(status), page, size);
    }

    /** Sends a pending or failed message at once, and retries it for another day if that fails. */
    public OutboxEntry retry(Actor actor, String id) {
        actor.requireRole(Role.ADMIN, "retry a message");
        OutboxMessage message = outbox.find(id).orElseThrow(() -> new NotFoundException("outbox message"));
        message.retry(clock.instant());
        LOG.info(() -> "Outbox message " + id + " queued again by administrator " + actor.userId());
        return OutboxEntry.of(message);
    }

    /** The messages written to the pickup folder (when no SMTP server is configured), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PickupFile> pickupFiles(Actor actor) {
        actor.requireRole(Role.ADMIN, "list the pickup folder");
        return pickup.list();
    }

    /** The subject of one message in the pickup folder; subjects are generic and hold nothing personal. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> pickupSubject(Actor actor, String outboxId) {
        actor.requireRole(Role.ADMIN, "read the pickup folder");
        return pickup.subject(outboxId);
    }

    /** One message from the pickup folder, whole, as it would have been sent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> pickupFile(Actor actor, String outboxId) {
        actor.requireRole(Role.ADMIN, "read the pickup folder");
        return pickup.read(outboxId);
    }
}
