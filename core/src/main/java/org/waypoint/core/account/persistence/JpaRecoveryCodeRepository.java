package org.waypoint.core.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.waypoint.core.account.RecoveryCode;
import org.waypoint.core.account.RecoveryCodeRepository;

@ApplicationScoped
public class JpaRecoveryCodeRepository implements RecoveryCodeRepository {

    private final EntityManager em;

    @Inject
    public JpaRecoveryCodeRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaRecoveryCodeRepository() {
        this(null);
    }

    @Override
    public void add(RecoveryCode code) {
        em.persist(code);
    }

    /** A conditional update: of two requests using the same code at once, one changes the row. */
    @Override
    public boolean use(String userId, String codeHash, Instant at) {
        return em.createQuery("UPDATE RecoveryCode c SET c.usedAt = :at WHERE c.userId = :user AND c.codeHash = :hash AND c.usedAt IS NULL")
                .setParameter("at", at)
                .setParameter("user", userId)
                .setParameter("hash", codeHash)
                .executeUpdate() == 1;
    }

    @Override
    public void removeAllOf(String userId) {
        em.createQuery("DELETE FROM RecoveryCode c WHERE c.userId = :user").setParameter("user", userId).executeUpdate();
    }

    @Override
    public long unused(String userId) {
        return em.createQuery("SELECT COUNT(c) FROM RecoveryCode c WHERE c.userId = :user AND c.usedAt IS NULL", Long.class)
                .setParameter("user", userId).getSingleResult();
    }
}
