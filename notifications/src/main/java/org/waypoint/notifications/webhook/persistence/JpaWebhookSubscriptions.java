package org.waypoint.notifications.webhook.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.waypoint.notifications.webhook.WebhookSubscription;
import org.waypoint.notifications.webhook.WebhookSubscriptions;

/** The webhook subscription table. */
@ApplicationScoped
public class JpaWebhookSubscriptions implements WebhookSubscriptions {

    private final EntityManager em;

    @Inject
    public JpaWebhookSubscriptions(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaWebhookSubscriptions() {
        this(null);
    }

    @Override
    public void add(WebhookSubscription subscription) {
        em.persist(subscription);
    }

    @Override
    public Optional<WebhookSubscription> find(String id) {
        return Optional.ofNullable(em.find(WebhookSubscription.class, id));
    }

    @Override
    public List<WebhookSubscription> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT s FROM WebhookSubscription s WHERE s.id IN :ids", WebhookSubscription.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    @Override
    public List<WebhookSubscription> all() {
        return em.createQuery("SELECT s FROM WebhookSubscription s ORDER BY s.createdAt, s.id", WebhookSubscription.class)
                .getResultList();
    }

    @Override
    public List<WebhookSubscription> ofOrganisations(Collection<String> organisationIds) {
        return em.createQuery("SELECT s FROM WebhookSubscription s WHERE s.organisationId IN :organisations"
                        + " ORDER BY s.createdAt, s.id", WebhookSubscription.class)
                .setParameter("organisations", organisationIds)
                .getResultList();
    }

    @Override
    public void remove(WebhookSubscription subscription) {
        em.createNativeQuery("DELETE FROM outbox WHERE kind = 'WEBHOOK' AND recipient = ? AND status <> 'SENT'")
                .setParameter(1, subscription.id())
                .executeUpdate();
        em.remove(subscription);
    }
}
