package org.waypoint.core.referral.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One row per year in {@code reference_counter}, moved on by an UPDATE that locks the row, so no
 * number is reserved twice on any instance (Derby and PostgreSQL alike). Numbers are reserved a block
 * at a time ({@link BlockReferenceCounter}), in a short transaction of its own: the row lock is held
 * until that transaction's commit is on disk, and a lock taken for every submission made concurrent
 * submissions queue behind each other's commits.
 */
@ApplicationScoped
public class JpaReferenceCounter {

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

    /** Reserves the next {@code count} numbers of the year; answers the last of them. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long reserve(int year, int count) {
        if (advance(year, count) == 0) {
            try {
                years.open(year);
            } catch (RuntimeException anotherInstanceOpenedIt) {
                // the row exists now either way; the increment below tells
            }
            if (advance(year, count) == 0) {
                throw new IllegalStateException("no reference counter for " + year);
            }
        }
        Number value = (Number) em.createNativeQuery("SELECT last_value FROM reference_counter WHERE counter_year = ?")
                .setParameter(1, year)
                .getSingleResult();
        return value.longValue();
    }

    private int advance(int year, int count) {
        return em.createNativeQuery("UPDATE reference_counter SET last_value = last_value + ? WHERE counter_year = ?")
                .setParameter(1, count)
                .setParameter(2, year)
                .executeUpdate();
    }
}
