package org.waypoint.core.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.waypoint.core.account.Throttle;

/**
 * Counts with conditional updates, which work alike on Derby and PostgreSQL: one more hit in a live
 * window below the limit, or a new window over an old one; only a key never seen is inserted.
 */
@ApplicationScoped
public class JpaThrottle implements Throttle {

    private final EntityManager em;

    @Inject
    public JpaThrottle(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaThrottle() {
        this(null);
    }

    /** In a transaction of its own: a count stands whatever becomes of the request, and a clash on a new key fails only the count. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryAcquire(String key, int limit, Duration window, Instant now) {
        Instant windowOpenedAfter = now.minus(window);
        int counted = em.createQuery("UPDATE ThrottleCounter c SET c.hits = c.hits + 1"
                        + " WHERE c.key = :key AND c.windowStart > :after AND c.hits < :limit")
                .setParameter("key", key).setParameter("after", windowOpenedAfter).setParameter("limit", limit)
                .executeUpdate();
        if (counted == 1) {
            return true;
        }
        int renewed = em.createQuery("UPDATE ThrottleCounter c SET c.hits = 1, c.windowStart = :now"
                        + " WHERE c.key = :key AND c.windowStart <= :after")
                .setParameter("key", key).setParameter("after", windowOpenedAfter).setParameter("now", now)
                .executeUpdate();
        if (renewed == 1) {
            return limit > 0;
        }
        if (em.find(ThrottleCounter.class, key) != null) {
            return false;
        }
        em.persist(new ThrottleCounter(key, now));
        em.flush();
        return limit > 0;
    }
}
