package org.waypoint.core.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.waypoint.core.audit.AuditChains;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditEventRepository;
import org.waypoint.core.audit.AuditQuery;
import org.waypoint.core.shared.Page;

/**
 * Appends each event to a hash chain: the chain of the writing thread, so that a transaction, which
 * runs on one thread, waits for one chain's head at most and two transactions never wait for each
 * other's heads. The head moves by a conditional update (the sequence read is still the last), which
 * holds the head until the transaction ends; a writer that read a head another writer has since
 * moved reads it again.
 */
@ApplicationScoped
public class JpaAuditEventRepository implements AuditEventRepository {

    private static final int MAX_ATTEMPTS = 100;

    private final EntityManager em;
    private final IntSupplier partition;

    @Inject
    public JpaAuditEventRepository(EntityManager em) {
        this(em, () -> (int) Math.floorMod(Thread.currentThread().getId(), (long) AuditChains.PARTITIONS));
    }

    /** With the chain each event goes to chosen by {@code partition}: for tests that put writers on one chain. */
    public JpaAuditEventRepository(EntityManager em, IntSupplier partition) {
        this.em = em;
        this.partition = partition;
    }

    /** For CDI's proxy only. */
    protected JpaAuditEventRepository() {
        this(null, null);
    }

    @Override
    public void append(AuditEvent event) {
        int chain = partition.getAsInt();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Object[] head = (Object[]) em.createNativeQuery(
                            "SELECT last_sequence, last_hash FROM audit_chain_head WHERE chain_partition = ?")
                    .setParameter(1, chain).getSingleResult();
            long last = ((Number) head[0]).longValue();
            String hash = event.chain(chain, last + 1, (String) head[1]);
            int moved = em.createNativeQuery("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ?"
                            + " WHERE chain_partition = ? AND last_sequence = ?")
                    .setParameter(1, last + 1).setParameter(2, hash).setParameter(3, chain).setParameter(4, last)
                    .executeUpdate();
            if (moved == 1) {
                em.persist(event);
                return;
            }
        }
        throw new IllegalStateException("the head of audit chain " + chain + " kept moving");
    }

    @Override
    public List<AuditEvent> findByRecord(String recordType, String recordId) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.recordType = :type AND e.recordId = :id ORDER BY e.occurredAt, e.id",
                        AuditEvent.class)
                .setParameter("type", recordType)
                .setParameter("id", recordId)
                .getResultList();
    }

    @Override
    public Page<AuditEvent> search(AuditQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        query.recordId().ifPresent(id -> {
            where.append(" AND e.recordId = :record");
            parameters.put("record", id);
        });
        query.userId().ifPresent(id -> {
            where.append(" AND e.actorUserId = :user");
            parameters.put("user", id);
        });
        query.from().ifPresent(from -> {
            where.append(" AND e.occurredAt >= :from");
            parameters.put("from", from);
        });
        query.until().ifPresent(until -> {
            where.append(" AND e.occurredAt < :until");
            parameters.put("until", until);
        });
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        TypedQuery<AuditEvent> page = em.createQuery("SELECT e FROM AuditEvent e" + where
                + " ORDER BY e.occurredAt DESC, e.id", AuditEvent.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        List<AuditEvent> items = page.setFirstResult(query.page() * query.size()).setMaxResults(query.size()).getResultList();
        return new Page<>(items, count.getSingleResult(), query.page(), query.size());
    }
}
