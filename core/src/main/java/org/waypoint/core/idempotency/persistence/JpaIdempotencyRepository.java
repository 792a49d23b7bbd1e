package org.waypoint.core.idempotency.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
}
