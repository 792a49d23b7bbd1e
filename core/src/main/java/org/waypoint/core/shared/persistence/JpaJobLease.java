package org.waypoint.core.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.waypoint.core.shared.JobLease;

@ApplicationScoped
public class JpaJobLease implements JobLease {

    private final EntityManager em;

    @Inject
    public JpaJobLease(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaJobLease() {
        this(null);
    }

    @Override
    public boolean claim(String job, String owner, Instant until, Instant now) {
        return em.createNativeQuery("UPDATE job_lease SET owner = ?, lease_until = ? WHERE job = ?"
                        + " AND (owner IS NULL OR lease_until < ? OR owner = ?)")
                .setParameter(1, owner)
                .setParameter(2, InstantConverter.timestamp(until))
                .setParameter(3, job)
                .setParameter(4, InstantConverter.timestamp(now))
                .setParameter(5, owner)
                .executeUpdate() == 1;
    }

    @Override
    public void release(String job, String owner) {
        em.createNativeQuery("UPDATE job_lease SET owner = NULL, lease_until = NULL WHERE job = ? AND owner = ?")
                .setParameter(1, job)
                .setParameter(2, owner)
                .executeUpdate();
    }

    @Override
    public boolean held(String job, Instant now) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM job_lease WHERE job = ? AND owner IS NOT NULL AND lease_until >= ?")
                .setParameter(1, job)
                .setParameter(2, InstantConverter.timestamp(now))
                .getSingleResult()).longValue() > 0;
    }
}
