package org.waypoint.core.referral.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.core.referral.ReferralStatus;

@ApplicationScoped
public class JpaReferralRepository implements ReferralRepository {

    private final EntityManager em;

    @Inject
    public JpaReferralRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaReferralRepository() {
        this(null);
    }

    @Override
    public Optional<Referral> find(String id) {
        return Optional.ofNullable(em.find(Referral.class, id));
    }

    @Override
    public void add(Referral referral) {
        em.persist(referral);
    }

    @Override
    public List<Referral> unfinishedForClient(String clientId) {
        return em.createQuery("SELECT r FROM Referral r WHERE r.client.id = :client AND r.status IN :statuses",
                        Referral.class)
                .setParameter("client", clientId)
                .setParameter("statuses", List.of(ReferralStatus.DRAFT, ReferralStatus.REQUESTED, ReferralStatus.RECEIVED,
                        ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD))
                .getResultList();
    }

    @Override
    public List<Referral> madeBy(String organisationId) {
        return em.createQuery("SELECT r FROM Referral r WHERE r.referringOrganisationId = :org ORDER BY r.createdAt DESC",
                        Referral.class)
                .setParameter("org", organisationId)
                .getResultList();
    }

    @Override
    public List<Referral> sentTo(String organisationId) {
        return em.createQuery("SELECT r FROM Referral r WHERE r.service.organisation.id = :org AND r.status <> :draft"
                                + " ORDER BY r.submittedAt DESC", Referral.class)
                .setParameter("org", organisationId)
                .setParameter("draft", ReferralStatus.DRAFT)
                .getResultList();
    }

    @Override
    public List<Referral> overdue(Instant now) {
        return em.createQuery("SELECT r FROM Referral r WHERE r.status = :requested AND r.acknowledgeBy < :now"
                                + " ORDER BY r.acknowledgeBy", Referral.class)
                .setParameter("requested", ReferralStatus.REQUESTED)
                .setParameter("now", now)
                .getResultList();
    }
}
