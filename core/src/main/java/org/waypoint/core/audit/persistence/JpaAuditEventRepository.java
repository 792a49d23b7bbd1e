package org.waypoint.core.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditEventRepository;
import org.waypoint.core.audit.AuditQuery;
import org.waypoint.core.shared.Page;

@ApplicationScoped
public class JpaAuditEventRepository implements AuditEventRepository {

    private final EntityManager em;

    @Inject
    public JpaAuditEventRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaAuditEventRepository() {
        this(null);
    }

    @Override
    public void append(AuditEvent event) {
        em.persist(event);
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
