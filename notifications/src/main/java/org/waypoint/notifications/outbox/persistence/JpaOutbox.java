package org.waypoint.notifications.outbox.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.waypoint.notifications.outbox.MailKind;
import org.waypoint.notifications.outbox.Outbox;
import org.waypoint.notifications.outbox.OutboxDepth;
import org.waypoint.notifications.outbox.OutboxMessage;
import org.waypoint.notifications.outbox.OutboxStatus;

/**
 * The outbox table. The claim and every change after it are single conditional UPDATEs in native
 * SQL: Derby has no {@code SKIP LOCKED}, and an update count of one is the portable answer to "is it
 * mine". A claim also requires the row to be pending and due, so that a dispatcher that read the due
 * ids before another one finished with a row cannot take it again.
 */
@ApplicationScoped
public class JpaOutbox implements Outbox {

    private final EntityManager em;

    @Inject
    public JpaOutbox(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaOutbox() {
        this(null);
    }

    @Override
    public void add(OutboxMessage message) {
        em.persist(message);
    }

    @Override
    public Optional<OutboxMessage> find(String id) {
        return Optional.ofNullable(em.find(OutboxMessage.class, id));
    }

    /** Oldest due first, in the order of the index on (status, next_attempt_at), so nothing is sorted. */
    @Override
    public List<String> due(boolean webhooks, Instant now, int limit) {
        return em.createQuery("SELECT m.id FROM OutboxMessage m WHERE m.status = :pending AND m.nextAttemptAt <= :now"
                                + " AND (m.owner IS NULL OR m.leaseUntil < :now) AND m.kind " + (webhooks ? "=" : "<>")
                                + " :webhook ORDER BY m.nextAttemptAt",
                        String.class)
                .setParameter("pending", OutboxStatus.PENDING)
                .setParameter("webhook", MailKind.WEBHOOK)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<OutboxMessage> claim(List<String> ids, String owner, Instant leaseUntil, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query claim = em.createNativeQuery("UPDATE outbox SET owner = ?, lease_until = ? WHERE id IN (" + placeholders(ids)
                + ") AND (owner IS NULL OR lease_until < ?) AND status = 'PENDING' AND next_attempt_at <= ?");
        int next = bind(claim.setParameter(1, owner).setParameter(2, timestamp(leaseUntil)), 3, ids);
        if (claim.setParameter(next, timestamp(now)).setParameter(next + 1, timestamp(now)).executeUpdate() == 0) {
            return List.of();
        }
        Map<String, OutboxMessage> mine = new HashMap<>();
        em.createQuery("SELECT m FROM OutboxMessage m WHERE m.id IN :ids AND m.owner = :owner AND m.status = :pending",
                        OutboxMessage.class)
                .setParameter("ids", ids)
                .setParameter("owner", owner)
                .setParameter("pending", OutboxStatus.PENDING)
                .getResultList()
                .forEach(message -> mine.put(message.id(), message));
        // in the order asked for, oldest due first; sorted here because Derby sorts wide rows slowly
        return ids.stream().map(mine::get).filter(Objects::nonNull).toList();
    }

    @Override
    public int freeLeasesOfEarlierProcesses() {
        return em.createNativeQuery("UPDATE outbox SET owner = NULL, lease_until = NULL"
                + " WHERE status = 'PENDING' AND owner IS NOT NULL").executeUpdate();
    }

    @Override
    public int markSent(List<String> ids, String owner, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        Query sent = em.createNativeQuery("UPDATE outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1,"
                + " lease_until = NULL WHERE id IN (" + placeholders(ids) + ") AND owner = ? AND status = 'PENDING'");
        int next = bind(sent.setParameter(1, timestamp(now)), 2, ids);
        return sent.setParameter(next, owner).executeUpdate();
    }

    private static String placeholders(List<String> ids) {
        return String.join(", ", Collections.nCopies(ids.size(), "?"));
    }

    /** Binds the ids from position {@code first} on; answers the position after the last. */
    private static int bind(Query query, int first, List<String> ids) {
        int position = first;
        for (String id : ids) {
            query.setParameter(position++, id);
        }
        return position;
    }

    @Override
    public boolean retryLater(String id, String owner, Instant nextAttempt, String error) {
        return em.createNativeQuery("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " owner = NULL, lease_until = NULL WHERE id = ? AND owner = ? AND status = 'PENDING'")
                .setParameter(1, timestamp(nextAttempt))
                .setParameter(2, error)
                .setParameter(3, id)
                .setParameter(4, owner)
                .executeUpdate() == 1;
    }

    @Override
    public boolean markFailed(String id, String owner, String error) {
        return em.createNativeQuery("UPDATE outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ?,"
                        + " owner = NULL, lease_until = NULL WHERE id = ? AND owner = ? AND status = 'PENDING'")
                .setParameter(1, error)
                .setParameter(2, id)
                .setParameter(3, owner)
                .executeUpdate() == 1;
    }

    @Override
    public List<OutboxMessage> list(OutboxStatus status, int offset, int limit) {
        return em.createQuery("SELECT m FROM OutboxMessage m WHERE m.status = :status ORDER BY m.createdAt DESC, m.id",
                        OutboxMessage.class)
                .setParameter("status", status)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long count(OutboxStatus status) {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.status = :status", Long.class)
                .setParameter("status", status)
                .getSingleResult();
    }

    @Override
    public List<OutboxDepth> depth() {
        return em.createQuery("SELECT m.status, m.kind, COUNT(m) FROM OutboxMessage m WHERE m.status <> :sent"
                        + " GROUP BY m.status, m.kind", Object[].class)
                .setParameter("sent", OutboxStatus.SENT)
                .getResultList().stream()
                .map(row -> new OutboxDepth((OutboxStatus) row[0], (MailKind) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    @Override
    public Optional<Instant> oldestPending() {
        return em.createQuery("SELECT m.createdAt FROM OutboxMessage m WHERE m.status = :pending ORDER BY m.createdAt",
                        Instant.class)
                .setParameter("pending", OutboxStatus.PENDING)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** TIMESTAMP columns hold UTC wall-clock time, as the persistence unit's InstantConverter writes them. */
    static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
