package org.waypoint.core.organisation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.organisation.IdentityProvider;
import org.waypoint.core.organisation.IdentityProviderRepository;

@ApplicationScoped
public class JpaIdentityProviderRepository implements IdentityProviderRepository {

    private final EntityManager em;

    @Inject
    public JpaIdentityProviderRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaIdentityProviderRepository() {
        this(null);
    }

    @Override
    public Optional<IdentityProvider> findFor(String organisationId) {
        return organisationId == null ? Optional.empty() : Optional.ofNullable(em.find(IdentityProvider.class, organisationId));
    }

    @Override
    public List<IdentityProvider> findAll() {
        return em.createQuery("SELECT p FROM IdentityProvider p", IdentityProvider.class).getResultList();
    }

    @Override
    public void add(IdentityProvider provider) {
        em.persist(provider);
    }

    @Override
    public boolean removeFor(String organisationId) {
        return em.createQuery("DELETE FROM IdentityProvider p WHERE p.organisationId = :id")
                .setParameter("id", organisationId)
                .executeUpdate() > 0;
    }
}
