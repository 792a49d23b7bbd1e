package org.waypoint.core.client.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientRepository;

@ApplicationScoped
public class JpaClientRepository implements ClientRepository {

    private final EntityManager em;

    @Inject
    public JpaClientRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaClientRepository() {
        this(null);
    }

    @Override
    public Optional<Client> find(String id) {
        // No id names no record: JPA would throw rather than find nothing.
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Client.class, id));
    }

    @Override
    public List<Client> findByDuplicateKey(String organisationId, String duplicateKey) {
        return em.createQuery("SELECT c FROM Client c WHERE c.organisationId = :organisation AND c.duplicateKey = :key",
                        Client.class)
                .setParameter("organisation", organisationId)
                .setParameter("key", duplicateKey)
                .getResultList();
    }

    @Override
    public void add(Client client) {
        em.persist(client);
    }
}
