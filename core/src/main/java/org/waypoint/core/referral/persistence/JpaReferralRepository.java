package org.waypoint.core.referral.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.referral.DashboardCounts;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralQuery;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.core.referral.ReferralSort;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.shared.Page;

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

    /**
     * The referral with what every use of it reads, in one statement: the person, the service and its
     * organisation, and the needs (the answer of every referral endpoint shows the person and the
     * needs). EclipseLink leaves a nested JOIN FETCH in JPQL out of the SQL, so the organisation is
     * asked for with its join-fetch hint, which it honours.
     */
    @Override
    public Optional<Referral> find(String id) {
        return em.createQuery("SELECT r FROM Referral r JOIN FETCH r.client LEFT JOIN FETCH r.service"
                        + " LEFT JOIN FETCH r.needs WHERE r.id = :id", Referral.class)
                .setParameter("id", id)
                .setHint("eclipselink.left-join-fetch", "r.service.organisation")
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(Referral referral) {
        em.persist(referral);
    }

    @Override
    public void remove(Referral referral) {
        em.remove(referral);
    }

    @Override
    public Optional<Referral> findByReference(ReferralReference reference) {
        return em.createQuery("SELECT r FROM Referral r WHERE r.reference = :reference", Referral.class)
                .setParameter("reference", reference.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Referral> forClient(String clientId) {
        return em.createQuery("SELECT r FROM Referral r WHERE r.client.id = :client ORDER BY r.createdAt, r.id", Referral.class)
                .setParameter("client", clientId)
                .getResultList();
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
    public Page<Referral> search(Optional<String> referringOrganisationId, Optional<String> providingOrganisationId,
                                 ReferralQuery query, Optional<Collection<String>> clientIds, Instant now) {
        if (clientIds.isPresent() && clientIds.get().isEmpty()) {
            return new Page<>(List.of(), 0, query.page(), query.size());
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        referringOrganisationId.ifPresent(org -> {
            where.append(" AND r.referringOrganisationId = :referrer");
            parameters.put("referrer", org);
            query.counterpartOrganisationId().ifPresent(other -> {
                where.append(" AND r.service.organisation.id = :counterpart");
                parameters.put("counterpart", other);
            });
        });
        providingOrganisationId.ifPresent(org -> {
            where.append(" AND r.service.organisation.id = :provider AND r.status <> :draft");
            parameters.put("provider", org);
            parameters.put("draft", ReferralStatus.DRAFT);
            query.counterpartOrganisationId().ifPresent(other -> {
                where.append(" AND r.referringOrganisationId = :counterpart");
                parameters.put("counterpart", other);
            });
        });
        query.status().ifPresent(status -> {
            where.append(" AND r.status = :status");
            parameters.put("status", status);
        });
        query.serviceId().ifPresent(service -> {
            where.append(" AND r.service.id = :service");
            parameters.put("service", service);
        });
        query.reference().ifPresent(reference -> {
            where.append(" AND r.reference = :reference");
            parameters.put("reference", reference);
        });
        clientIds.ifPresent(clients -> {
            where.append(" AND r.client.id IN :clients");
            parameters.put("clients", List.copyOf(clients));
        });
        // A draft has no sending time: the range reads the day it was started instead.
        query.from().ifPresent(day -> {
            where.append(" AND ((r.submittedAt IS NOT NULL AND r.submittedAt >= :from)"
                    + " OR (r.submittedAt IS NULL AND r.createdAt >= :from))");
            parameters.put("from", day.atStartOfDay(WorkingCalendar.LONDON).toInstant());
        });
        query.to().ifPresent(day -> {
            where.append(" AND ((r.submittedAt IS NOT NULL AND r.submittedAt < :to)"
                    + " OR (r.submittedAt IS NULL AND r.createdAt < :to))");
            parameters.put("to", day.plusDays(1).atStartOfDay(WorkingCalendar.LONDON).toInstant());
        });
        query.updatedSince().ifPresent(since -> {
            where.append(" AND r.updatedAt >= :since");
            parameters.put("since", since);
        });
        query.urgency().ifPresent(urgency -> {
            where.append(" AND r.urgency = :urgency");
            parameters.put("urgency", urgency);
        });
        if (query.overdueOnly()) {
            where.append(" AND r.status = :requested AND r.acknowledgeBy < :now");
            parameters.put("requested", ReferralStatus.REQUESTED);
            parameters.put("now", now);
        }
        // Sort only the ids (narrow rows), then load the page's referrals: sorting whole rows, with
        // their encrypted text, for every page made the list slow once an organisation had thousands.
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM Referral r" + where, Long.class);
        TypedQuery<String> ids = em.createQuery("SELECT r.id FROM Referral r" + where + orderBy(query.sort()),
                String.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            ids.setParameter(name, value);
        });
        List<String> pageIds = ids.setFirstResult(query.page() * query.size()).setMaxResults(query.size()).getResultList();
        Map<String, Referral> byId = new HashMap<>();
        if (!pageIds.isEmpty()) {
            em.createQuery("SELECT r FROM Referral r WHERE r.id IN :ids", Referral.class).setParameter("ids", pageIds)
                    .setHint("eclipselink.batch.type", "IN").setHint("eclipselink.batch", "r.client")
                    .setHint("eclipselink.batch", "r.needs")
                    .getResultList().forEach(r -> byId.put(r.id(), r));
        }
        List<Referral> items = pageIds.stream().map(byId::get).toList();
        return new Page<>(items, count.getSingleResult(), query.page(), query.size());
    }

    /** Each order ends with the id, so that equal keys keep one order from page to page. */
    private static String orderBy(ReferralSort sort) {
        return switch (sort) {
            case DUE -> " ORDER BY r.acknowledgeBy, r.createdAt DESC, r.id";
            case UPDATED -> " ORDER BY r.updatedAt, r.id";
            case UPDATED_DESCENDING -> " ORDER BY r.updatedAt DESC, r.id DESC";
            case CREATED -> " ORDER BY r.createdAt, r.id";
            case CREATED_DESCENDING -> " ORDER BY r.createdAt DESC, r.id DESC";
            case REFERENCE -> " ORDER BY r.reference, r.id";
            case REFERENCE_DESCENDING -> " ORDER BY r.reference DESC, r.id DESC";
        };
    }

    @Override
    public DashboardCounts counts(Optional<String> referringOrganisationId, Optional<String> providingOrganisationId,
                                  Instant now, Instant weekStart) {
        String scope = referringOrganisationId.isPresent()
                ? " WHERE r.referringOrganisationId = :org"
                : " WHERE r.service.organisation.id = :org AND r.status <> :draft";
        TypedQuery<Object[]> counts = em.createQuery("SELECT"
                        + " SUM(CASE WHEN r.status = :requested THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN r.status = :requested AND r.acknowledgeBy < :now THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN r.acceptedAt >= :weekStart THEN 1 ELSE 0 END)"
                        + " FROM Referral r" + scope, Object[].class)
                .setParameter("org", referringOrganisationId.or(() -> providingOrganisationId).orElseThrow())
                .setParameter("requested", ReferralStatus.REQUESTED)
                .setParameter("now", now)
                .setParameter("weekStart", weekStart);
        if (referringOrganisationId.isEmpty()) {
            counts.setParameter("draft", ReferralStatus.DRAFT);
        }
        Object[] row = counts.getSingleResult();
        return new DashboardCounts(count(row[0]), count(row[1]), count(row[2]));
    }

    /** A SUM over no rows is NULL. */
    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    @Override
    public List<Referral> overdue(Instant now) {
        return em.createQuery("SELECT r FROM Referral r WHERE r.status = :requested AND r.acknowledgeBy < :now"
                                + " ORDER BY r.acknowledgeBy", Referral.class)
                .setParameter("requested", ReferralStatus.REQUESTED)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public List<Referral> withoutFacts(int limit) {
        return em.createQuery("SELECT r FROM Referral r WHERE r.factsDerived = FALSE", Referral.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countOverdue(Instant now) {
        return em.createQuery("SELECT COUNT(r) FROM Referral r WHERE r.status = :requested AND r.acknowledgeBy < :now",
                        Long.class)
                .setParameter("requested", ReferralStatus.REQUESTED)
                .setParameter("now", now)
                .getSingleResult();
    }
}
