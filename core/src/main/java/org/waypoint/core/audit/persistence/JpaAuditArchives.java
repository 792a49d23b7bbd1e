package org.waypoint.core.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waypoint.core.audit.AuditArchives;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.shared.persistence.InstantConverter;

@ApplicationScoped
public class JpaAuditArchives implements AuditArchives {

    private static final String COLUMNS = "SELECT id, file_name, created_at, events, first_at, last_at, sha256, deleted_at"
            + " FROM audit_archive";

    private final EntityManager em;

    @Inject
    public JpaAuditArchives(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaAuditArchives() {
        this(null);
    }

    @Override
    public List<AuditEvent> unchainedBefore(Instant cutoff, String after, int size) {
        em.clear();
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.chainSequence IS NULL AND e.occurredAt < :cutoff"
                        + " AND e.id > :after ORDER BY e.id", AuditEvent.class)
                .setParameter("cutoff", cutoff).setParameter("after", after).setMaxResults(size).getResultList();
    }

    @Override
    public void add(Archive archive) {
        em.createNativeQuery("INSERT INTO audit_archive (id, file_name, created_at, events, first_at, last_at, sha256)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, archive.id())
                .setParameter(2, archive.fileName())
                .setParameter(3, InstantConverter.timestamp(archive.createdAt()))
                .setParameter(4, archive.events())
                .setParameter(5, InstantConverter.timestamp(archive.firstAt()))
                .setParameter(6, InstantConverter.timestamp(archive.lastAt()))
                .setParameter(7, archive.sha256())
                .executeUpdate();
    }

    @Override
    public Optional<Archive> unfinished() {
        return archives(em.createNativeQuery(COLUMNS + " WHERE deleted_at IS NULL ORDER BY created_at FETCH FIRST 1 ROWS ONLY"))
                .stream().findFirst();
    }

    @Override
    public void finished(String archiveId, Instant at) {
        em.createNativeQuery("UPDATE audit_archive SET deleted_at = ? WHERE id = ?")
                .setParameter(1, InstantConverter.timestamp(at)).setParameter(2, archiveId).executeUpdate();
    }

    @Override
    public Optional<Archive> find(String archiveId) {
        return archives(em.createNativeQuery(COLUMNS + " WHERE id = ?").setParameter(1, archiveId)).stream().findFirst();
    }

    @Override
    public List<Archive> latest(int limit) {
        return archives(em.createNativeQuery(COLUMNS + " ORDER BY created_at DESC FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY"));
    }

    @Override
    public int delete(List<AuditEvent> archived) {
        Query delete = em.createNativeQuery("DELETE FROM audit_event WHERE id = ?");
        int deleted = 0;
        int beforeChains = 0;
        Map<Integer, AuditEvent> lastOfChain = new HashMap<>();
        for (AuditEvent event : archived) {
            int rows = delete.setParameter(1, event.id()).executeUpdate();
            deleted += rows;
            if (event.chained()) {
                lastOfChain.merge(event.chainPartition(), event,
                        (a, b) -> a.chainSequence() > b.chainSequence() ? a : b);
            } else {
                beforeChains += rows;
            }
        }
        Query anchor = em.createNativeQuery("UPDATE audit_chain_anchor SET first_sequence = ?, previous_hash = ?"
                + " WHERE chain_partition = ? AND first_sequence <= ?");
        for (AuditEvent last : lastOfChain.values()) {
            anchor.setParameter(1, last.chainSequence() + 1).setParameter(2, last.entryHash())
                    .setParameter(3, last.chainPartition()).setParameter(4, last.chainSequence()).executeUpdate();
        }
        if (beforeChains > 0) {
            em.createNativeQuery("UPDATE audit_chain_start SET events_before = events_before - ?")
                    .setParameter(1, beforeChains).executeUpdate();
        }
        return deleted;
    }

    private static List<Archive> archives(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Archive(((String) row[0]).strip(), ((String) row[1]).strip(),
                InstantConverter.instant(row[2]), ((Number) row[3]).longValue(), InstantConverter.instant(row[4]),
                InstantConverter.instant(row[5]), ((String) row[6]).strip(),
                Optional.ofNullable(row[7]).map(InstantConverter::instant))).toList();
    }
}
