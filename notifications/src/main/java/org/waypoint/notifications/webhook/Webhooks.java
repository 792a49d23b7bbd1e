package org.waypoint.notifications.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.waypoint.core.account.ApiClientRepository;
import org.waypoint.core.account.Role;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.Page;

/**
 * The use cases of events for integrators. Subscriptions are an administrator's to make, list and
 * delete, for any organisation: a webhook tells a system outside Waypoint of every referral the
 * organisation is party to, which is a decision for whoever keeps the organisations' accounts. An
 * organisation's own API client, which an administrator registered with the scope to manage
 * webhooks, may do the same for that organisation only; another organisation's subscriptions do not
 * exist for it (404). People other than administrators manage none. The feed is read by an
 * organisation's own staff and API clients, and shows the events of the referrals their
 * organisation refers or provides, as its staff may see them.
 */
@ApplicationScoped
@Transactional
public class Webhooks {

    public static final int MAX_LIMIT = 500;
    /** The orders a subscription list offers: oldest first (the default), or newest first. */
    public static final List<String> SORTS = List.of("createdAt", "-createdAt");
    private static final int MAX_ID = 36;
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());

    private final WebhookSubscriptions subscriptions;
    private final EventLog log;
    private final OrganisationRepository organisations;
    private final ApiClientRepository apiClients;
    private final WebhookSettings settings;
    private final Clock clock;

    @Inject
    public Webhooks(WebhookSubscriptions subscriptions, EventLog log, OrganisationRepository organisations,
                    ApiClientRepository apiClients, WebhookSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.organisations = organisations;
        this.apiClients = apiClients;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected Webhooks() {
        this(null, null, null, null, null, null);
    }

    /** A new subscription; the answer is the only one that shows its secret. */
    public NewSubscription subscribe(Actor actor, SubscriptionRequest request) {
        boolean admin = mayManage(actor, "subscribe a webhook");
        if (request == null) {
            throw new InvalidField("body", "error.body.required", "a body is required");
        }
        if (request.organisationId() == null || request.organisationId().length() > MAX_ID
                || organisations.find(request.organisationId()).isEmpty()) {
            throw new InvalidField("organisationId", "error.webhook.organisation", "organisationId names no organisation");
        }
        if (!admin && !actor.belongsTo(request.organisationId())) {
            throw new NotPermittedException("subscribe another organisation's webhooks");
        }
        Set<EventType> types = EnumSet.allOf(EventType.class);
        if (request.events() != null) {
            if (request.events().isEmpty() || request.events().stream().anyMatch(Objects::isNull)) {
                throw new InvalidField("events", "error.webhook.events.type",
                        "events lists event types, or is left out for all of them");
            }
            types = EnumSet.copyOf(request.events());
        }
        URI url = settings.policy().check(request.url());
        WebhookSubscription subscription = new WebhookSubscription(request.organisationId(), url, types,
                actor.userId(), clock.instant());
        subscriptions.add(subscription);
        LOG.info(() -> "Webhook " + subscription.id() + " subscribed for organisation " + subscription.organisationId()
                + " by " + (admin ? "administrator " : "API client ") + actor.userId());
        return NewSubscription.of(subscription);
    }

    /**
     * One page of the subscriptions of one organisation, or of all of them, in the order {@code sort}
     * names (one of {@link #SORTS}; oldest first when null). An API client sees only its own
     * organisation's, whatever organisation it names.
     */
    public SubscriptionPage list(Actor actor, Optional<String> organisationId, String sort, int page, int size) {
        boolean admin = mayManage(actor, "list webhooks");
        Comparator<SubscriptionView> order = order(sort);
        Page.requireValid(page, size);
        List<WebhookSubscription> found;
        if (admin) {
            found = organisationId.map(id -> subscriptions.ofOrganisations(List.of(id))).orElseGet(subscriptions::all);
        } else {
            found = organisationId.filter(id -> !actor.belongsTo(id)).isPresent() ? List.of()
                    : subscriptions.ofOrganisations(List.of(actor.organisationId()));
        }
        List<SubscriptionView> all = found.stream().map(SubscriptionView::of).sorted(order).toList();
        long from = (long) page * size;
        List<SubscriptionView> items = from >= all.size() ? List.of()
                : all.subList((int) from, (int) Math.min(all.size(), from + size));
        return new SubscriptionPage(items, all.size(), page, size);
    }

    public SubscriptionView get(Actor actor, String id) {
        return SubscriptionView.of(find(actor, id, "read a webhook"));
    }

    /** Deletes the subscription; what was still waiting to be delivered to it is dropped. */
    public void delete(Actor actor, String id) {
        subscriptions.remove(find(actor, id, "delete a webhook"));
        LOG.info(() -> "Webhook " + id + " deleted by " + (actor.is(Role.ADMIN) ? "administrator " : "API client ")
                + actor.userId());
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
            throw new InvalidField("limit", "error.list.limit", "limit is between 1 and " + MAX_LIMIT, MAX_LIMIT);
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
            throw new InvalidField("after", "error.list.cursor", "after is a cursor from an earlier page");
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidField("after", "error.list.cursor", "after is a cursor from an earlier page");
        }
    }

    /**
     * Whether the actor manages webhooks as an administrator (true, for any organisation) or as its
     * organisation's API client (false, for its own); anyone else is refused. The API has already
     * checked that a client's token holds the scope for it.
     */
    private boolean mayManage(Actor actor, String action) {
        if (actor.is(Role.ADMIN)) {
            return true;
        }
        if (apiClients.find(actor.userId()).filter(client -> client.active()
                && client.organisationId().equals(actor.organisationId())).isPresent()) {
            return false;
        }
        throw new NotPermittedException(action);
    }

    /** The subscription, if the actor may manage it: another organisation's is not there for an API client. */
    private WebhookSubscription find(Actor actor, String id, String action) {
        boolean admin = mayManage(actor, action);
        return subscriptions.find(id).filter(found -> admin || actor.belongsTo(found.organisationId()))
                .orElseThrow(() -> new NotFoundException("webhook"));
    }

    private static Comparator<SubscriptionView> order(String sort) {
        Comparator<SubscriptionView> oldestFirst = Comparator.comparing(SubscriptionView::createdAt)
                .thenComparing(SubscriptionView::id);
        if (sort == null || sort.isBlank() || sort.strip().equals(SORTS.get(0))) {
            return oldestFirst;
        }
        if (sort.strip().equals(SORTS.get(1))) {
            return oldestFirst.reversed();
        }
        throw new InvalidField("sort", "error.list.sort", "sort is one of " + String.join(", ", SORTS));
    }
}
