package org.waypoint.core.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.waypoint.core.account.PasswordResetToken;
import org.waypoint.core.account.PasswordResetTokenRepository;

@ApplicationScoped
public class JpaPasswordResetTokenRepository implements PasswordResetTokenRepository {

    private final EntityManager em;

    @Inject
    public JpaPasswordResetTokenRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaPasswordResetTokenRepository() {
        this(null);
    }

    @Override
    public void add(PasswordResetToken token) {
        em.persist(token);
    }

    @Override
    public Optional<PasswordResetToken> findByHash(String tokenHash) {
        return em.createQuery("SELECT t FROM PasswordResetToken t WHERE t.tokenHash = :hash", PasswordResetToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean markUsed(String tokenId, Instant now) {
        return em.createQuery("UPDATE PasswordResetToken t SET t.usedAt = :now WHERE t.id = :id AND t.usedAt IS NULL")
                .setParameter("now", now).setParameter("id", tokenId)
                .executeUpdate() == 1;
    }

    @Override
    public void withdrawUnused(String userId, Instant now) {
        em.createQuery("UPDATE PasswordResetToken t SET t.usedAt = :now WHERE t.userId = :user AND t.usedAt IS NULL")
                .setParameter("now", now).setParameter("user", userId)
                .executeUpdate();
    }
}
