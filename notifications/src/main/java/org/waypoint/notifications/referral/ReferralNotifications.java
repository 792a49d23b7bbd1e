package org.waypoint.notifications.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.waypoint.core.account.UserAccount;
import org.waypoint.core.account.UserAccountRepository;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.directory.SupportServiceRepository;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralEvents;
import org.waypoint.core.referral.ReferralMessage;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.notifications.outbox.MailKind;
import org.waypoint.notifications.outbox.Outbox;
import org.waypoint.notifications.outbox.OutboxMessage;
import org.waypoint.notifications.templates.Links;
import org.waypoint.notifications.templates.MailContent;
import org.waypoint.notifications.templates.MailTemplates;

/**
 * Turns the referral's domain events into outbox messages, synchronously and in the transaction of
 * the change, so that a change that rolls back queues nothing. Who is told:
 * <ul>
 *     <li>submitted: the service's referral inbox;</li>
 *     <li>received, accepted, rejected, on hold, completed, failed, cancelled: the referrer, with the
 *     new status and the organisation that changed it;</li>
 *     <li>a message: the other side (the service's inbox, or the referrer);</li>
 *     <li>consent withdrawn: the service's inbox;</li>
 *     <li>not acknowledged in time: the service each day it stays so, and the referrer once.</li>
 * </ul>
 * The e-mails carry only what {@link MailContent} can hold.
 */
@ApplicationScoped
public class ReferralNotifications {

    private static final Logger LOG = Logger.getLogger(ReferralNotifications.class.getName());
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Set<ReferralStatus> TOLD_TO_REFERRER = EnumSet.of(ReferralStatus.RECEIVED,
            ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.ON_HOLD, ReferralStatus.COMPLETED,
            ReferralStatus.FAILED, ReferralStatus.CANCELLED);

    private final Outbox outbox;
    private final ReferralRepository referrals;
    private final SupportServiceRepository services;
    private final UserAccountRepository accounts;
    private final OrganisationRepository organisations;
    private final OverdueNotices overdueNotices;
    private final MailTemplates templates;
    private final Links links;
    private final Clock clock;

    @Inject
    public ReferralNotifications(Outbox outbox, ReferralRepository referrals, SupportServiceRepository services,
                                 UserAccountRepository accounts, OrganisationRepository organisations,
                                 OverdueNotices overdueNotices, MailTemplates templates, Links links, Clock clock) {
        this.outbox = outbox;
        this.referrals = referrals;
        this.services = services;
        this.accounts = accounts;
        this.organisations = organisations;
        this.overdueNotices = overdueNotices;
        this.templates = templates;
        this.links = links;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected ReferralNotifications() {
        this(null, null, null, null, null, null, null, null, null);
    }

    public void on(@Observes ReferralEvents.Submitted event) {
        SupportService service = service(event.serviceId());
        // A service takes referrals only once it has an inbox (SupportService), so every referred service has one.
        service.referralInbox().ifPresent(inbox -> queue(MailKind.NEW_REFERRAL, inbox, event.referralId(),
                event.reference(), service, Optional.of(event.urgency()), Optional.ofNullable(event.acknowledgeBy())));
    }

    public void on(@Observes ReferralEvents.StatusChanged event) {
        if (!TOLD_TO_REFERRER.contains(event.to())) {
            return;
        }
        SupportService service = service(event.serviceId());
        Optional<String> changedBy = organisations.find(event.byOrganisationId()).map(Organisation::name);
        referrer(event.referrerUserId(), event.referralId()).ifPresent(address -> outbox.add(new OutboxMessage(
                templates.render(MailKind.REFERRAL_UPDATED, new MailContent(event.reference(), service.name(),
                        Optional.empty(), Optional.empty(), links.referral(event.referralId()),
                        Optional.of(event.to()), changedBy)),
                address, Optional.of(event.referralId()), clock.instant())));
    }

    public void on(@Observes ReferralEvents.MessagePosted event) {
        SupportService service = service(event.serviceId());
        Optional<EmailAddress> otherSide = event.from() == ReferralMessage.Side.REFERRER
                ? service.referralInbox()
                : referrer(event.referrerUserId(), event.referralId());
        otherSide.ifPresent(address -> queue(MailKind.NEW_MESSAGE, address, event.referralId(), event.reference(),
                service, Optional.empty(), Optional.empty()));
    }

    public void on(@Observes ReferralEvents.ConsentWithdrawn event) {
        SupportService service = service(event.serviceId());
        service.referralInbox().ifPresent(inbox -> queue(MailKind.CONSENT_WITHDRAWN, inbox, event.referralId(),
                event.reference(), service, Optional.empty(), Optional.empty()));
    }

    /**
     * Reminds the service of a referral that is still overdue, once per UK calendar day, and alerts
     * the referrer the first time. Answers whether anything was queued.
     */
    public boolean remindIfOverdue(String referralId) {
        Instant now = clock.instant();
        Optional<Referral> found = referrals.find(referralId).filter(r -> r.isOverdue(now));
        if (found.isEmpty()) {
            return false;
        }
        Referral referral = found.get();
        LocalDate today = now.atZone(UK).toLocalDate();
        if (overdueNotices.sentOn(referralId, today)) {
            return false;
        }
        boolean first = !overdueNotices.anyFor(referralId);
        overdueNotices.record(referralId, today, now);
        SupportService service = referral.service();
        String reference = referral.reference().orElseThrow().value();
        Optional<Urgency> urgency = Optional.of(referral.needs().urgency());
        service.referralInbox().ifPresent(inbox -> queue(MailKind.OVERDUE_REMINDER, inbox, referralId, reference,
                service, urgency, referral.acknowledgeBy()));
        if (first) {
            referrer(referral.referrerUserId(), referralId).ifPresent(address -> queue(MailKind.OVERDUE_ALERT, address,
                    referralId, reference, service, urgency, referral.acknowledgeBy()));
        }
        return true;
    }

    private void queue(MailKind kind, EmailAddress recipient, String referralId, String reference,
                       SupportService service, Optional<Urgency> urgency, Optional<Instant> dueBy) {
        MailContent content = new MailContent(reference, service.name(), urgency, dueBy, links.referral(referralId));
        outbox.add(new OutboxMessage(templates.render(kind, content), recipient, Optional.of(referralId),
                clock.instant()));
    }

    private SupportService service(String serviceId) {
        return services.find(serviceId)
                .orElseThrow(() -> new IllegalStateException("referral event names an unknown service " + serviceId));
    }

    private Optional<EmailAddress> referrer(String userId, String referralId) {
        Optional<UserAccount> account = accounts.find(userId).filter(UserAccount::enabled);
        if (account.isEmpty()) {
            LOG.warning(() -> "Referral " + referralId + ": referrer account " + userId
                    + " is missing or disabled; no e-mail queued for it");
        }
        return account.map(UserAccount::email);
    }
}
