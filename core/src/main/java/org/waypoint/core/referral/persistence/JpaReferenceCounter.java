package org.waypoint.core.referral.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.waypoint.core.referral.ReferenceCounter;

/**
 * One row per year in {@code reference_counter}, incremented by an UPDATE that locks the row, so no
 * number is handed out twice on any instance (Derby and PostgreSQL alike). The number is taken in a
 * short transaction of its own: holding the row lock for the rest of a submission made concurrent
 * submissions queue behind each other's whole transaction. A submission that fails after taking its
 * number leaves a gap, never a duplicate.
 */
@ApplicationScoped
public class JpaReferenceCounter implements ReferenceCounter {

    private final EntityManager em;

    private final ReferenceYears years;

    @Inject
    public JpaReferenceCounter(EntityManager em, ReferenceYears years) {
        this.em = em;
        this.years = years;
    }

    /** For CDI's proxy only. */
    protected JpaReferenceCounter() {
        this(null, null);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long next(int year) {
        if (increment(year) == 0) {
            try {
                years.open(year);
            } catch (RuntimeException anotherInstanceOpenedIt) {
                // the row exists now either way; the increment below tells
            }
            if (increment(year) == 0) {
                throw new IllegalStateException("no reference counter for " + year);
            }
        }
        Number value = (Number) em.createNativeQuery("SELECT last_value FROM reference_counter WHERE counter_year = ?")
                .setParameter(1, year)
                .getSingleResult();
        return value.longValue();
    }

    private int increment(int year) {
        return em.createNativeQuery("UPDATE reference_counter SET last_value = last_value + 1 WHERE counter_year = ?")
                .setParameter(1, year)
                .executeUpdate();
    }
}
