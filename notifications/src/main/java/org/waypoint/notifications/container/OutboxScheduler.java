package org.waypoint.notifications.container;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.core.shared.DomainEvents;
import org.waypoint.core.shared.config.BootSettings;
import org.waypoint.notifications.mail.MailGateway;
import org.waypoint.notifications.outbox.DispatchLoop;
import org.waypoint.notifications.outbox.Outbox;
import org.waypoint.notifications.outbox.OutboxDispatcher;
import org.waypoint.notifications.outbox.RetryPolicy;
import org.waypoint.notifications.outbox.TransactionRunner;
import org.waypoint.notifications.referral.OverdueReminders;
import org.waypoint.notifications.referral.ReferralNotifications;
import org.waypoint.notifications.webhook.WebhookCourier;
import org.waypoint.notifications.webhook.WebhookSettings;
import org.waypoint.notifications.webhook.WebhookSubscriptions;

/**
 * Starts the outbox dispatchers (e-mail, and webhooks) and the overdue check on the server's managed scheduled executor
 * once the schema is migrated. A start-up EJB because the executor, like the data source, is bound
 * in JNDI only once deployment has got that far.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class OutboxScheduler {

    private static final Logger LOG = Logger.getLogger(OutboxScheduler.class.getName());
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Small enough to be sent within the lease even if every message waits out the 30-second I/O timeout. */
    private static final int BATCH = 8;
    /** Posted all at once: within the lease even if every receiver waits out its timeout. */
    private static final int WEBHOOK_BATCH = 64;
    private static final Duration OVERDUE_CHECK = Duration.ofMinutes(10);
    /**
     * How long a stop waits for each loop's batch in progress (an SMTP server answering normally sends
     * a batch in well under a second). Within bin/waypoint's stop, which must end within 30 s.
     */
    private static final Duration FINISH = Duration.ofSeconds(8);

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private TransactionRunner transactions;

    @Inject
    private Outbox outbox;

    @Inject
    private MailGateway gateway;

    @Inject
    private ReferralRepository referrals;

    @Inject
    private ReferralNotifications notifications;

    @Inject
    private Clock clock;

    @Inject
    private DispatchTrigger trigger;

    @Inject
    private DomainEvents events;

    @Inject
    private WebhookSubscriptions subscriptions;

    @Inject
    private WebhookSettings webhookSettings;

    @Inject
    @ConfigProperty(name = "waypoint.outbox.retry.first-delay")
    private String firstRetryDelay;

    @Inject
    @ConfigProperty(name = "waypoint.outbox.retry.max-delay")
    private String maxRetryDelay;

    private DispatchLoop loop;
    private DispatchLoop webhookLoop;
    private ScheduledFuture<?> overdueCheck;

    @PostConstruct
    void start() {
        if (BootSettings.current().singleProcessDatabase()) {
            // Messages the last process had in hand when it died go now, not when its leases run out.
            int freed = transactions.inTransaction(outbox::freeLeasesOfEarlierProcesses);
            if (freed > 0) {
                LOG.info(() -> freed + " outbox messages left in hand by the process before this one are due again");
            }
        }
        String owner = "dispatcher-" + UUID.randomUUID();
        RetryPolicy retry = new RetryPolicy(WebhookConfiguration.positive(firstRetryDelay, "waypoint.outbox.retry.first-delay"),
                WebhookConfiguration.positive(maxRetryDelay, "waypoint.outbox.retry.max-delay"), Math::random);
        OutboxDispatcher dispatcher = new OutboxDispatcher(transactions, outbox, gateway, retry, clock, owner, LEASE, BATCH, events);
        loop = new DispatchLoop(dispatcher, executor, POLL);
        loop.start();
        WebhookCourier courier = new WebhookCourier(transactions, subscriptions, webhookSettings.policy(),
                webhookSettings.timeout(), clock);
        webhookLoop = new DispatchLoop(new OutboxDispatcher(transactions, outbox, courier, retry, clock,
                owner + "-webhooks", LEASE, WEBHOOK_BATCH, events), executor, POLL);
        webhookLoop.start();
        trigger.attach(loop, webhookLoop);
        OverdueReminders reminders = new OverdueReminders(transactions, referrals, notifications, clock);
        overdueCheck = executor.scheduleWithFixedDelay(() -> remind(reminders), OVERDUE_CHECK.toSeconds(),
                OVERDUE_CHECK.toSeconds(), TimeUnit.SECONDS);
    }

    private void remind(OverdueReminders reminders) {
        try {
            int reminded = reminders.run();
            if (reminded > 0) {
                LOG.info(() -> reminded + " overdue referrals reminded of");
                trigger.wake();
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Overdue check failed, trying again at the next: " + e.getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        if (overdueCheck != null) {
            overdueCheck.cancel(false);
        }
        trigger.detach();
        if (loop != null) {
            loop.stop(FINISH);
        }
        if (webhookLoop != null) {
            webhookLoop.stop(FINISH);
        }
    }
}
