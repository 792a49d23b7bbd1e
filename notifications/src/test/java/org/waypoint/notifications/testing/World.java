package org.waypoint.notifications.testing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.waypoint.core.account.Role;
import org.waypoint.core.account.persistence.JpaUserAccountRepository;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.calendar.persistence.JpaBankHolidayRepository;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.client.ContactDetails;
import org.waypoint.core.client.SafeContact;
import org.waypoint.core.client.persistence.JpaClientRepository;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.persistence.JpaSupportServiceRepository;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.organisation.persistence.JpaOrganisationRepository;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.ConsentBasis;
import org.waypoint.core.referral.ConsentMethod;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.ReferralEvents;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.referral.persistence.BlockReferenceCounter;
import org.waypoint.core.referral.persistence.JpaReferenceCounter;
import org.waypoint.core.referral.persistence.JpaReferralRepository;
import org.waypoint.core.referral.persistence.ReferenceYears;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.notifications.mail.MailGateway;
import org.waypoint.notifications.mail.MailSettings;
import org.waypoint.notifications.mail.MimeMessages;
import org.waypoint.notifications.mail.SmtpGateway;
import org.waypoint.notifications.mail.TlsMode;
import org.waypoint.notifications.outbox.OutboxDispatcher;
import org.waypoint.notifications.outbox.RetryPolicy;
import org.waypoint.notifications.webhook.EventRecorder;
import org.waypoint.notifications.webhook.persistence.JpaEventLog;
import org.waypoint.notifications.webhook.persistence.JpaWebhookSubscriptions;
import org.waypoint.notifications.outbox.TransactionRunner;
import org.waypoint.notifications.outbox.persistence.JpaOutbox;
import org.waypoint.notifications.referral.OverdueReminders;
import org.waypoint.notifications.referral.ReferralNotifications;
import org.waypoint.notifications.referral.persistence.JpaOverdueNotices;
import org.waypoint.notifications.templates.Links;
import org.waypoint.notifications.templates.MailTemplates;

/**
 * Waypoint as the container assembles it, outside the container: the real referral service and
 * repositories on a real database, domain events delivered synchronously to the notifications in
 * the caller's transaction, a referring police unit with a caseworker, a charity with a counselling
 * service and a member of staff.
 */
public final class World {

    public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    public static final String SERVICE_INBOX = "referrals@harbour.example.org";
    public static final String CASEWORKER_EMAIL = "caseworker@police.example.org";
    public static final String SERVICE_NAME = "Harbour Counselling";
    public static final URI PUBLIC_URL = URI.create("https://waypoint.example.org");

    public final TestDatabase db;
    public final MutableClock clock = new MutableClock(START);
    public final TransactionRunner transactions;
    public final JpaOutbox outbox;
    public final ReferralService referrals;
    public final ReferralNotifications notifications;
    public final JpaWebhookSubscriptions subscriptions;
    public final JpaEventLog eventLog;
    public final EventRecorder events;
    public final OverdueReminders overdue;
    public final Actor caseworker;
    public final Actor staff;
    public final String serviceId;
    public final String referrerName;
    public final String providerName;
    public final String policeId;
    public final String charityId;
    /** What the dispatchers announced, in order. */
    public final java.util.List<Object> dispatched = new java.util.concurrent.CopyOnWriteArrayList<>();

    public World(TestDatabase db) {
        this.db = db;
        this.transactions = db.transactions();
        var em = db.entityManager();
        this.outbox = new JpaOutbox(em);
        JpaReferralRepository referralRepository = new JpaReferralRepository(em);
        this.notifications = new ReferralNotifications(outbox, referralRepository, new JpaSupportServiceRepository(em),
                new JpaUserAccountRepository(em), new JpaOrganisationRepository(em), new JpaOverdueNotices(em), new MailTemplates(), new Links(PUBLIC_URL),
                clock);
        this.subscriptions = new JpaWebhookSubscriptions(em);
        this.eventLog = new JpaEventLog(em);
        this.events = new EventRecorder(eventLog, subscriptions, referralRepository, outbox, clock);
        DomainEvents cdiLike = event -> {
            if (event instanceof ReferralEvents.Submitted e) {
                notifications.on(e);
                events.on(e);
            } else if (event instanceof ReferralEvents.StatusChanged e) {
                notifications.on(e);
                events.on(e);
            } else if (event instanceof ReferralEvents.MessagePosted e) {
                notifications.on(e);
                events.on(e);
            } else if (event instanceof ReferralEvents.ConsentWithdrawn e) {
                notifications.on(e);
                events.on(e);
            }
        };
        this.referrals = new ReferralService(referralRepository, new JpaClientRepository(em),
                new JpaSupportServiceRepository(em), new BlockReferenceCounter(new JpaReferenceCounter(em, new ReferenceYears(em))),
                new JpaBankHolidayRepository(em), new AuditTrail(new JpaAuditEventRepository(em), clock), cdiLike,
                FieldCipher.current(), clock);
        this.overdue = new OverdueReminders(transactions, referralRepository, notifications, clock);

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Organisation police = new Organisation("Victim Care Unit " + suffix, OrganisationKind.REFERRER);
        Organisation charity = new Organisation("Harbour Support Trust " + suffix, OrganisationKind.PROVIDER);
        String caseworkerId = UUID.randomUUID().toString();
        String staffId = UUID.randomUUID().toString();
        this.serviceId = transactions.inTransaction(() -> {
            em.persist(police);
            em.persist(charity);
            ServiceCategory counselling = em.find(ServiceCategory.class, "COUNSELLING");
            SupportService service = new SupportService(charity, SERVICE_NAME, "Counselling.", List.of(counselling),
                    List.of("M"), new EmailAddress(SERVICE_INBOX));
            em.persist(service);
            account(caseworkerId, CASEWORKER_EMAIL, Role.CASEWORKER, police.id());
            account(staffId, "staff-" + suffix + "@harbour.example.org", Role.SERVICE_STAFF, charity.id());
            return service.id();
        });
        this.policeId = police.id();
        this.charityId = charity.id();
        this.referrerName = police.name();
        this.providerName = charity.name();
        this.caseworker = new Actor(caseworkerId, police.id(), Role.CASEWORKER);
        this.staff = new Actor(staffId, charity.id(), Role.SERVICE_STAFF);
    }

    private void account(String id, String email, Role role, String organisationId) {
        db.entityManager().createNativeQuery("INSERT INTO user_account (id, email, display_name, role, organisation_id,"
                        + " password_hash, enabled, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")
                .setParameter(1, id).setParameter(2, email).setParameter(3, "Staff member").setParameter(4, role.name())
                .setParameter(5, organisationId).setParameter(6, "not-a-hash").setParameter(7, true)
                .executeUpdate();
    }

    public static ClientDetails anyone() {
        return new ClientDetails("Alex", "Example", LocalDate.of(1990, 5, 17), Gender.NOT_SAID, "en", false,
                Optional.empty(), Optional.of("M14 5RT"), ContactDetails.none(), SafeContact.mostCareful(),
                Optional.empty());
    }

    public static NeedsAssessment routine() {
        return new NeedsAssessment(Set.of("COUNSELLING"), Set.of(CrimeType.SEXUAL_ASSAULT), RiskLevel.MEDIUM,
                Urgency.ROUTINE, false, Optional.empty(), Optional.empty());
    }

    /** A new client of the police unit, with a draft referral to the service and consent recorded. */
    public String draft(ClientDetails details, NeedsAssessment needs, Consent consent) {
        return transactions.inTransaction(() -> {
            Client client = new Client(policeId, details, "dup-" + UUID.randomUUID(), caseworker.userId(), clock.instant());
            new JpaClientRepository(db.entityManager()).add(client);
            String id = referrals.draft(caseworker, client.id(), serviceId, needs).id();
            referrals.recordConsent(caseworker, id, consent);
            return id;
        });
    }

    public static Consent consentOfThePerson(Instant at) {
        return Consent.given(ConsentBasis.GIVEN_BY_PERSON, true, true, ConsentMethod.IN_PERSON, at, "u-caseworker");
    }

    /** A referral of someone to the service, submitted: the service's inbox has a message queued. */
    public String submitted() {
        String id = draft(anyone(), routine(), consentOfThePerson(clock.instant()));
        transactions.run(() -> referrals.submit(caseworker, id));
        return id;
    }

    public String clientOf(String referralId) {
        return transactions.inTransaction(() -> new JpaReferralRepository(db.entityManager()).find(referralId)
                .orElseThrow().client().id());
    }

    public MimeMessages mimeMessages() {
        return new MimeMessages("waypoint@example.org", PUBLIC_URL.getHost());
    }

    public SmtpGateway smtp(int port, TlsMode tls) {
        return new SmtpGateway(new MailSettings(Optional.of("127.0.0.1"), OptionalInt.of(port), Optional.empty(),
                Optional.empty(), "waypoint@example.org", tls, PUBLIC_URL), mimeMessages());
    }

    /** A dispatcher whose retries come after a second at first, for tests that move the clock. */
    public OutboxDispatcher dispatcher(MailGateway gateway, String owner) {
        return new OutboxDispatcher(transactions, outbox, gateway,
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), () -> 0.5), clock, owner,
                Duration.ofMinutes(5), 50, dispatched::add);
    }

    /** Sends everything due now; answers how many rows were dealt with. */
    public int drain(OutboxDispatcher dispatcher) {
        int total = 0;
        for (int handled = dispatcher.dispatchOnce(); handled > 0; handled = dispatcher.dispatchOnce()) {
            total += handled;
        }
        return total;
    }
}
