package org.waypoint.notifications.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.waypoint.core.account.Role;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;

/**
 * The use cases of events for integrators. Subscriptions are an administrator's to make, list and
 * delete, for any organisation: a webhook tells a system outside Waypoint of every referral the
 * organisation is party to, which is a decision for whoever keeps the organisations' accounts. The
 * feed is read by an organisation's own staff, and shows the events of the referrals their
 * organisation refers or provides, as its staff may see them.
 */
@ApplicationScoped
@Transactional
public class Webhooks {

    public static final int MAX_LIMIT = 500;
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    private final WebhookSubscriptions subscriptions;
    private final EventLog log;
    private final OrganisationRepository organisations;
    private final WebhookSettings settings;
    private final Clock clock;

    @Inject
    public Webhooks(WebhookSubscriptions subscriptions, EventLog log, OrganisationRepository organisations,
                    WebhookSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.organisations = organisations;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected Webhooks() {
        this(null, null, null, null, null);
    }

    /** A new subscription; the answer is the only one that shows its secret. */
    public NewSubscription subscribe(Actor actor, SubscriptionRequest request) {
        actor.requireRole(Role.ADMIN, "subscribe a webhook");
        if (request == null) {
            throw new IllegalArgumentException("a body is required");
        }
        if (request.organisationId() == null || organisations.find(request.organisationId()).isEmpty()) {
            throw new IllegalArgumentException("organisationId names no organisation");
        }
        Set<EventType> types = EnumSet.allOf(EventType.class);
        if (request.events() != null) {
            if (request.events().isEmpty() || request.events().stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("events lists event types, or is left out for all of them");
            }
            types = EnumSet.copyOf(request.events());
        }
        URI url = settings.policy().check(request.url());
        WebhookSubscription subscription = new WebhookSubscription(request.organisationId(), url, types,
                actor.userId(), clock.instant());
        subscriptions.add(subscription);
        LOG.info(() -> "Webhook " + subscription.id() + " subscribed for organisation " + subscription.organisationId()
                + " by administrator " + actor.userId());
        return NewSubscription.of(subscription);
    }

    /** The subscriptions of one organisation, or of all of them. */
    public List<SubscriptionView> list(Actor actor, Optional<String> organisationId) {
        actor.requireRole(Role.ADMIN, "list webhooks");
        List<WebhookSubscription> found = organisationId.map(id -> subscriptions.ofOrganisations(List.of(id)))
                .orElseGet(subscriptions::all);
        return found.stream().map(SubscriptionView::of).toList();
    }

    public SubscriptionView get(Actor actor, String id) {
        actor.requireRole(Role.ADMIN, "read a webhook");
        return SubscriptionView.of(find(id));
    }

    /** Deletes the subscription; what was still waiting to be delivered to it is dropped. */
    public void delete(Actor actor, String id) {
        actor.requireRole(Role.ADMIN, "delete a webhook");
        subscriptions.remove(find(id));
        LOG.info(() -> "Webhook " + id + " deleted by administrator " + actor.userId());
    }

    /**
     * The events of the actor's organisation after {@code after} (0 for the start), oldest first. An
     * event is shown once it is {@code feedDelay} old: positions are taken when rows are written, and
     * a transaction that took a lower one may commit after one that took a higher one; waiting lets
     * it commit, so a reader following the cursor does not step over it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EventPage events(Actor actor, String after, int limit) {
        if (!actor.is(Role.CASEWORKER) && !actor.is(Role.SERVICE_STAFF)) {
            throw new NotPermittedException("read the event feed");
        }
        long position = cursor(after);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is between 1 and " + MAX_LIMIT);
        }
        List<EventItem> items = log.after(actor.organisationId(), position, clock.instant().minus(settings.feedDelay()),
                limit).stream().map(EventItem::of).toList();
        String next = items.isEmpty() ? Long.toString(position) : items.get(items.size() - 1).cursor();
        return new EventPage(items, next);
    }

    private static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        if (after.length() > 18 || !after.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("after is a cursor from an earlier page");
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after is a cursor from an earlier page");
        }
    }

    private WebhookSubscription find(String id) {
        return subscriptions.find(id).orElseThrow(() -> new NotFoundException("webhook"));
    }
}
