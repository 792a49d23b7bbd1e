package org.waypoint.notifications.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralEvents;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.notifications.outbox.Outbox;
import org.waypoint.notifications.outbox.OutboxMessage;

/**
 * Turns the referral's domain events into entries of the event log and, for each subscription of an
 * organisation party to the referral that wants the type, a webhook delivery in the outbox: all in
 * the transaction of the change, so that a change that rolls back leaves no event and sends nothing.
 * The acknowledgement is the domain's change to RECEIVED, wherever it is asked for.
 */
@ApplicationScoped
public class EventRecorder {

    private final EventLog log;
    private final WebhookSubscriptions subscriptions;
    private final ReferralRepository referrals;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public EventRecorder(EventLog log, WebhookSubscriptions subscriptions, ReferralRepository referrals, Outbox outbox,
                         Clock clock) {
        this.log = log;
        this.subscriptions = subscriptions;
        this.referrals = referrals;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected EventRecorder() {
        this(null, null, null, null, null);
    }

    public void on(@Observes ReferralEvents.Submitted event) {
        Referral referral = referral(event.referralId());
        record(EventType.REFERRAL_SUBMITTED, referral, event.reference(), ReferralStatus.REQUESTED,
                Optional.of(ReferralStatus.DRAFT), Optional.of(referral.referringOrganisationId()), clock.instant());
    }

    public void on(@Observes ReferralEvents.StatusChanged event) {
        record(EventType.ofStatusChange(event.to()), referral(event.referralId()), event.reference(), event.to(),
                Optional.of(event.from()), Optional.ofNullable(event.byOrganisationId()), event.at());
    }

    public void on(@Observes ReferralEvents.MessagePosted event) {
        Referral referral = referral(event.referralId());
        record(EventType.REFERRAL_MESSAGE_POSTED, referral, event.reference(), referral.status(), Optional.empty(),
                Optional.empty(), clock.instant());
    }

    public void on(@Observes ReferralEvents.ConsentWithdrawn event) {
        Referral referral = referral(event.referralId());
        record(EventType.REFERRAL_CONSENT_WITHDRAWN, referral, event.reference(), referral.status(), Optional.empty(),
                Optional.of(referral.referringOrganisationId()), clock.instant());
    }

    private void record(EventType type, Referral referral, String reference, ReferralStatus status,
                        Optional<ReferralStatus> previous, Optional<String> changedBy, Instant at) {
        String referrer = referral.referringOrganisationId();
        String provider = referral.service().organisation().id();
        ReferralEvent event = new ReferralEvent(type, referral.id(), reference, status, previous,
                referral.service().id(), referrer, provider, changedBy, at);
        log.append(event);
        List<WebhookSubscription> wanting = subscriptions.ofOrganisations(List.of(referrer, provider)).stream()
                .filter(subscription -> subscription.wants(type))
                .toList();
        if (wanting.isEmpty()) {
            return;
        }
        String body = WebhookPayload.of(event);
        Instant now = clock.instant();
        wanting.forEach(subscription -> outbox.add(OutboxMessage.webhook(subscription.id(), type.name(), body,
                referral.id(), now)));
    }

    private Referral referral(String id) {
        return referrals.find(id).orElseThrow(() -> new IllegalStateException("referral event names an unknown referral"));
    }
}
