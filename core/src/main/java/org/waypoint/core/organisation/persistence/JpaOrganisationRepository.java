package org.waypoint.core.organisation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationRepository;

@ApplicationScoped
public class JpaOrganisationRepository implements OrganisationRepository {

    private final EntityManager em;

    @Inject
    public JpaOrganisationRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaOrganisationRepository() {
        this(null);
    }

    @Override
    public Optional<Organisation> find(String id) {
        // No id names no record: JPA would throw rather than find nothing.
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Organisation.class, id));
    }

    @Override
    public Optional<Organisation> findByName(String name) {
        return em.createQuery("SELECT o FROM Organisation o WHERE o.name = :name", Organisation.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Organisation> findAll() {
        return em.createQuery("SELECT o FROM Organisation o ORDER BY o.name", Organisation.class).getResultList();
    }

    /** In one statement however many (a database takes a few thousand parameters at least). */
    @Override
    public List<Organisation> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT o FROM Organisation o WHERE o.id IN :ids", Organisation.class)
                .setParameter("ids", List.copyOf(ids)).getResultList();
    }

    @Override
    public void add(Organisation organisation) {
        em.persist(organisation);
    }
}
