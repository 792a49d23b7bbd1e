package org.waypoint.core.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.account.BrowserSession;
import org.waypoint.core.account.BrowserSessionRepository;

@ApplicationScoped
public class JpaBrowserSessionRepository implements BrowserSessionRepository {

    private final EntityManager em;

    @Inject
    public JpaBrowserSessionRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaBrowserSessionRepository() {
        this(null);
    }

    @Override
    public Optional<BrowserSession> findByHash(String tokenHash) {
        return em.createQuery("SELECT s FROM BrowserSession s WHERE s.tokenHash = :hash", BrowserSession.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<BrowserSession> ofUser(String userId) {
        return em.createQuery("SELECT s FROM BrowserSession s WHERE s.userId = :user ORDER BY s.signedInAt DESC",
                        BrowserSession.class)
                .setParameter("user", userId)
                .getResultList();
    }

    @Override
    public void add(BrowserSession session) {
        em.persist(session);
    }

    @Override
    public boolean remove(String userId, String sessionId) {
        return em.createQuery("DELETE FROM BrowserSession s WHERE s.id = :id AND s.userId = :user")
                .setParameter("id", sessionId)
                .setParameter("user", userId)
                .executeUpdate() > 0;
    }

    @Override
    public int removeAllOf(String userId, String keptId) {
        return em.createQuery("DELETE FROM BrowserSession s WHERE s.userId = :user AND s.id <> :kept")
                .setParameter("user", userId)
                .setParameter("kept", keptId == null ? "" : keptId)
                .executeUpdate();
    }

    @Override
    public void removeByHash(String tokenHash) {
        em.createQuery("DELETE FROM BrowserSession s WHERE s.tokenHash = :hash")
                .setParameter("hash", tokenHash)
                .executeUpdate();
    }

    @Override
    public void seen(String sessionId, Instant at) {
        em.createQuery("UPDATE BrowserSession s SET s.lastSeenAt = :at WHERE s.id = :id AND s.lastSeenAt < :at")
                .setParameter("at", at)
                .setParameter("id", sessionId)
                .executeUpdate();
    }

    @Override
    public int removeEnded(Instant idleBefore, Instant signedInBefore) {
        return em.createQuery("DELETE FROM BrowserSession s WHERE s.lastSeenAt < :idle OR s.signedInAt < :signedIn")
                .setParameter("idle", idleBefore)
                .setParameter("signedIn", signedInBefore)
                .executeUpdate();
    }
}
