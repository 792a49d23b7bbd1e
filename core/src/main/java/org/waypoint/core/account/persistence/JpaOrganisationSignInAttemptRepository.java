package org.waypoint.core.account.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.waypoint.core.account.OrganisationSignInAttempt;
import org.waypoint.core.account.OrganisationSignInAttemptRepository;

@ApplicationScoped
public class JpaOrganisationSignInAttemptRepository implements OrganisationSignInAttemptRepository {

    private final EntityManager em;

    @Inject
    public JpaOrganisationSignInAttemptRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaOrganisationSignInAttemptRepository() {
        this(null);
    }

    @Override
    public void add(OrganisationSignInAttempt attempt) {
        em.persist(attempt);
    }

    @Override
    public Optional<OrganisationSignInAttempt> take(String stateHash) {
        Optional<OrganisationSignInAttempt> found = Optional.ofNullable(em.find(OrganisationSignInAttempt.class, stateHash));
        found.ifPresent(em::detach);
        // The delete's count decides, not the read: of two requests with one state, one deletes the row.
        int deleted = em.createQuery("DELETE FROM OrganisationSignInAttempt a WHERE a.stateHash = :hash")
                .setParameter("hash", stateHash)
                .executeUpdate();
        return deleted == 1 ? found : Optional.empty();
    }

    @Override
    public int removeStartedBefore(Instant before) {
        return em.createQuery("DELETE FROM OrganisationSignInAttempt a WHERE a.startedAt < :before")
                .setParameter("before", before)
                .executeUpdate();
    }
}
