package org.waypoint.notifications.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where webhook subscriptions are kept. */
public interface WebhookSubscriptions {

    void add(WebhookSubscription subscription);

    Optional<WebhookSubscription> find(String id);

    List<WebhookSubscription> findAll(Collection<String> ids);

    /** Every subscription, oldest first. */
    List<WebhookSubscription> all();

    /** The subscriptions of these organisations, oldest first. */
    List<WebhookSubscription> ofOrganisations(Collection<String> organisationIds);

    /** Removes the subscription and the deliveries to it not yet sent (pending or failed). */
    void remove(WebhookSubscription subscription);
}
