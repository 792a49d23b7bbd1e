package org.waypoint.core.directory.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.SupportServiceRepository;

@ApplicationScoped
public class JpaSupportServiceRepository implements SupportServiceRepository {

    private static final List<String> LISTS = List.of("categories", "postcodePrefixes", "genders", "crimeTypes",
            "riskLevels", "languages", "deliveryModes");
    private static final Map<String, Object> WITH_ORGANISATION = Map.of("eclipselink.join-fetch", "s.organisation");

    private final EntityManager em;

    @Inject
    public JpaSupportServiceRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaSupportServiceRepository() {
        this(null);
    }

    /**
     * Every service, with its lists read for all of them at once (one query a list, not one a
     * service): a service's lists load lazily, so that loading a referral does not read them.
     */
    @Override
    public List<SupportService> findAll() {
        var query = em.createQuery("SELECT s FROM SupportService s ORDER BY s.name, s.id", SupportService.class)
                .setHint("eclipselink.batch.type", "IN");
        for (String list : LISTS) {
            query.setHint("eclipselink.batch", "s." + list);
        }
        return query.getResultList();
    }

    /**
     * The service with its organisation in the same statement. Like any find, it answers from the
     * persistence context when the service is already there.
     */
    @Override
    public Optional<SupportService> find(String id) {
        // No id names no record: JPA would throw rather than find nothing.
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(SupportService.class, id, WITH_ORGANISATION));
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
        // No id names no record: JPA would throw rather than find nothing.
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(ServiceCategory.class, code));
    }
}
