package org.waypoint.core.referral.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Adds the counter row for a year the migrations did not foresee, in a transaction of its own, so
 * that losing a race with another instance (a primary-key violation) rolls back only this insert.
 */
@ApplicationScoped
public class ReferenceYears {

    private final EntityManager em;

    @Inject
    public ReferenceYears(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected ReferenceYears() {
        this(null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(int year) {
        em.createNativeQuery("INSERT INTO reference_counter (counter_year, last_value) VALUES (?, 0)")
                .setParameter(1, year)
                .executeUpdate();
    }
}
