package org.waypoint.core.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.account.ApiAccessToken;
import org.waypoint.core.account.ApiClientAccount;
import org.waypoint.core.account.ApiClientRepository;

@ApplicationScoped
public class JpaApiClientRepository implements ApiClientRepository {

    private final EntityManager em;

    @Inject
    public JpaApiClientRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaApiClientRepository() {
        this(null);
    }

    @Override
    public Optional<ApiClientAccount> find(String id) {
        return Optional.ofNullable(em.find(ApiClientAccount.class, id));
    }

    @Override
    public List<ApiClientAccount> findAll() {
        return em.createQuery("SELECT c FROM ApiClientAccount c ORDER BY c.createdAt DESC", ApiClientAccount.class)
                .getResultList();
    }

    @Override
    public void add(ApiClientAccount client) {
        em.persist(client);
    }

    @Override
    public Optional<ApiAccessToken> findTokenByHash(String tokenHash) {
        return em.createQuery("SELECT t FROM ApiAccessToken t WHERE t.tokenHash = :hash", ApiAccessToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void addToken(ApiAccessToken token) {
        em.persist(token);
    }

    @Override
    public void removeExpiredTokens(String clientId, Instant now) {
        em.createQuery("DELETE FROM ApiAccessToken t WHERE t.clientId = :client AND t.expiresAt < :now")
                .setParameter("client", clientId).setParameter("now", now)
                .executeUpdate();
    }
}
