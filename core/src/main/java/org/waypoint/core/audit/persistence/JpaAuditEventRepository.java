package org.waypoint.core.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditEventRepository;

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
}
