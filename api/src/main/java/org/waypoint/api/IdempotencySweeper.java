package org.waypoint.api;

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
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.waypoint.core.account.BrowserSessions;
import org.waypoint.core.account.OrganisationSignIns;
import org.waypoint.core.idempotency.IdempotencyRetention;

/**
 * Deletes the {@link IdempotencyFilter}'s records once they are older than their retention
 * ({@code waypoint.api.idempotency-retention}), on the server's managed scheduled executor: a minute
 * after start, then every quarter of an hour. A start-up EJB because the executor, like the data
 * source, is bound in JNDI only once deployment has got that far; it reads the retention at start,
 * so a wrong setting fails the deployment. Every instance sweeps: two sweeps at once only find
 * fewer rows to delete. The same sweep deletes browser sessions that have timed out (a timed-out
 * session already signs nobody in; this only keeps the table small).
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class IdempotencySweeper {

    private static final Logger LOG = Logger.getLogger(IdempotencySweeper.class.getName());
    private static final Duration FIRST_SWEEP = Duration.ofMinutes(1);
    private static final Duration BETWEEN_SWEEPS = Duration.ofMinutes(15);

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private IdempotencyRetention retention;

    @Inject
    private BrowserSessions sessions;

    @Inject
    private OrganisationSignIns organisationSignIns;

    private ScheduledFuture<?> sweeps;

    @PostConstruct
    void start() {
        Duration kept = retention.retention();
        LOG.info(() -> "Idempotency records are kept for " + kept);
        sweeps = executor.scheduleWithFixedDelay(this::sweep, FIRST_SWEEP.toSeconds(), BETWEEN_SWEEPS.toSeconds(),
                TimeUnit.SECONDS);
    }

    private void sweep() {
        try {
            int deleted = retention.sweep();
            if (deleted > 0) {
                LOG.info(() -> deleted + " idempotency records past their retention deleted");
            }
            int ended = sessions.sweep();
            if (ended > 0) {
                LOG.info(() -> ended + " timed-out browser sessions deleted");
            }
            int abandoned = organisationSignIns.sweep();
            if (abandoned > 0) {
                LOG.info(() -> abandoned + " sign-ins through organisations' providers never finished deleted");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Idempotency sweep failed, trying again at the next: " + e.getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }
}
