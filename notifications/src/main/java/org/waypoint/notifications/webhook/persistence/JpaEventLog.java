package org.waypoint.notifications.webhook.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.waypoint.notifications.webhook.EventLog;
import org.waypoint.notifications.webhook.ReferralEvent;

/** The event log table; the feed reads it by organisation and position, along its two indexes. */
@ApplicationScoped
public class JpaEventLog implements EventLog {

    private final EntityManager em;

    @Inject
    public JpaEventLog(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaEventLog() {
        this(null);
    }

    @Override
    public void append(ReferralEvent event) {
        em.persist(event);
    }

    @Override
    public List<ReferralEvent> after(String organisationId, long after, Instant settledBefore, int limit) {
        return em.createQuery("SELECT e FROM ReferralEvent e WHERE e.seq > :after AND e.occurredAt <= :settled"
                        + " AND (e.referrerOrganisationId = :organisation OR e.providerOrganisationId = :organisation)"
                        + " ORDER BY e.seq", ReferralEvent.class)
                .setParameter("after", after)
                .setParameter("settled", settledBefore)
                .setParameter("organisation", organisationId)
                .setMaxResults(limit)
                .getResultList();
    }
}
