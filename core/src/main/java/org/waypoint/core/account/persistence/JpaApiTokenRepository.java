package org.waypoint.core.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.account.ApiToken;
import org.waypoint.core.account.ApiTokenRepository;

@ApplicationScoped
public class JpaApiTokenRepository implements ApiTokenRepository {

    private final EntityManager em;

    @Inject
    public JpaApiTokenRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaApiTokenRepository() {
        this(null);
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ApiToken> find(String id) {
        // No id names no record: JPA would throw rather than find nothing.
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(ApiToken.class, id));
    }

    @Override
    public List<ApiToken> ofUser(String userId) {
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.userId = :user ORDER BY t.createdAt DESC", ApiToken.class)
                .setParameter("user", userId)
                .getResultList();
    }

    @Override
    public void add(ApiToken token) {
        em.persist(token);
    }
}
