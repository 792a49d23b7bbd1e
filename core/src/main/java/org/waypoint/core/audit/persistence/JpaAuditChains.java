package org.waypoint.core.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.waypoint.core.audit.AuditChains;
import org.waypoint.core.audit.AuditEvent;

@ApplicationScoped
public class JpaAuditChains implements AuditChains {

    private final EntityManager em;

    @Inject
    public JpaAuditChains(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaAuditChains() {
        this(null);
    }

    @Override
    public List<Head> heads() {
        List<?> rows = em.createNativeQuery("SELECT h.chain_partition, a.first_sequence, a.previous_hash, h.last_sequence,"
                + " h.last_hash FROM audit_chain_head h JOIN audit_chain_anchor a ON a.chain_partition = h.chain_partition"
                + " ORDER BY h.chain_partition").getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Head(((Number) row[0]).intValue(), ((Number) row[1]).longValue(), (String) row[2],
                        ((Number) row[3]).longValue(), (String) row[4]))
                .toList();
    }

    @Override
    public List<AuditEvent> events(int partition, long after, long last, int size) {
        // The batch before is let go, so a walk holds one batch at a time however long the chain.
        em.clear();
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.chainPartition = :partition"
                        + " AND e.chainSequence > :after AND e.chainSequence <= :last ORDER BY e.chainSequence", AuditEvent.class)
                .setParameter("partition", partition).setParameter("after", after).setParameter("last", last)
                .setMaxResults(size).getResultList();
    }

    @Override
    public long unchainedEvents() {
        return em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.chainSequence IS NULL", Long.class)
                .getSingleResult();
    }

    @Override
    public long eventsBeforeChains() {
        return ((Number) em.createNativeQuery("SELECT events_before FROM audit_chain_start").getSingleResult()).longValue();
    }
}
