package org.waypoint.core.idempotency.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.idempotency.IdempotencyRecord;
import org.waypoint.core.idempotency.IdempotencyRepository;

@ApplicationScoped
public class JpaIdempotencyRepository implements IdempotencyRepository {

    private final EntityManager em;

    @Inject
    public JpaIdempotencyRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaIdempotencyRepository() {
        this(null);
    }

    @Override
    public Optional<IdempotencyRecord> find(String id) {
        return Optional.ofNullable(em.find(IdempotencyRecord.class, id));
    }

    @Override
    public void addAndFlush(IdempotencyRecord record) {
        em.persist(record);
        em.flush();
    }

    @Override
    public void remove(IdempotencyRecord record) {
        em.remove(record);
    }

    /**
     * Reads the batch's ids through the index on {@code created_at}, then deletes those rows, checking
     * the age again: Derby has no {@code DELETE … LIMIT} and PostgreSQL none either, but both run this.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int removeCreatedBefore(Instant cutoff, int limit) {
        List<String> ids = em.createQuery("SELECT r.id FROM IdempotencyRecord r WHERE r.createdAt < :cutoff"
                        + " ORDER BY r.createdAt", String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.id IN :ids AND r.createdAt < :cutoff")
                .setParameter("ids", ids)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
