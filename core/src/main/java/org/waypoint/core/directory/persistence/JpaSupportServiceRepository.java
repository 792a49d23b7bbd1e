package org.waypoint.core.directory.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.SupportServiceRepository;

@ApplicationScoped
public class JpaSupportServiceRepository implements SupportServiceRepository {

    private final EntityManager em;

    @Inject
    public JpaSupportServiceRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaSupportServiceRepository() {
        this(null);
    }

    @Override
    public List<SupportService> findAll() {
        return em.createQuery("SELECT s FROM SupportService s ORDER BY s.name, s.id", SupportService.class)
                .getResultList();
    }

    @Override
    public Optional<SupportService> find(String id) {
        return Optional.ofNullable(em.find(SupportService.class, id));
    }

    @Override
    public void add(SupportService service) {
        em.persist(service);
    }

    @Override
    public List<ServiceCategory> categories() {
        return em.createQuery("SELECT c FROM ServiceCategory c ORDER BY c.code", ServiceCategory.class)
                .getResultList();
    }

    @Override
    public Optional<ServiceCategory> category(String code) {
        return Optional.ofNullable(em.find(ServiceCategory.class, code));
    }
}
