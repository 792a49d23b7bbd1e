package org.waypoint.notifications.outbox.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import org.waypoint.core.subjectaccess.SentMail;
import org.waypoint.core.subjectaccess.SentMailRecords;
import org.waypoint.notifications.outbox.OutboxMessage;

/** The outbox's messages about referrals, for a subject access export: by reference, never their text. */
@ApplicationScoped
public class JpaSentMailRecords implements SentMailRecords {

    private final EntityManager em;

    @Inject
    public JpaSentMailRecords(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaSentMailRecords() {
        this(null);
    }

    @Override
    public List<SentMail> about(Collection<String> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT m FROM OutboxMessage m WHERE m.referralId IN :referrals ORDER BY m.createdAt, m.id",
                        OutboxMessage.class)
                .setParameter("referrals", List.copyOf(referralIds))
                .getResultStream()
                .map(m -> new SentMail(m.id(), m.referralId().orElseThrow(), m.kind().name(), m.recipient(),
                        m.createdAt(), m.sentAt(), m.status().name()))
                .toList();
    }
}
