package org.waypoint.core.referral.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.waypoint.core.referral.ReferenceCounter;

/**
 * One row per year in {@code reference_counter}. Incrementing it with an UPDATE locks the row until
 * the submitting transaction ends, so concurrent submissions on any instance queue for the next
 * number and none is handed out twice; a rollback gives its number back. Derby and PostgreSQL
 * both behave so.
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
