package org.waypoint.core.retention.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.retention.LegalHold;
import org.waypoint.core.retention.LegalHolds;

@ApplicationScoped
public class JpaLegalHolds implements LegalHolds {

    private final EntityManager em;

    @Inject
    public JpaLegalHolds(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaLegalHolds() {
        this(null);
    }

    @Override
    public void add(LegalHold hold) {
        em.persist(hold);
    }

    @Override
    public Optional<LegalHold> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(LegalHold.class, id));
    }

    @Override
    public List<LegalHold> forClient(String clientId) {
        return em.createQuery("SELECT h FROM LegalHold h WHERE h.clientId = :client ORDER BY h.setAt DESC", LegalHold.class)
                .setParameter("client", clientId)
                .getResultList();
    }
}
