package org.waypoint.core.retention;

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
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.audit.AuditArchive;

/**
 * Starts the retention run, and after it the audit archive's, on the server's managed scheduled
 * executor: five minutes after start, then every hour. Every instance schedules them; their leases let
 * one at a time run each. A start-up EJB because the executor, like the data source, is bound in JNDI
 * only once deployment has got that far.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());
    private static final Duration FIRST_RUN = Duration.ofMinutes(5);
    private static final Duration BETWEEN_RUNS = Duration.ofHours(1);
    /** Audit events deleted a transaction, once archived. */
    private static final int ARCHIVE_BATCH = 500;

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private Retention retention;

    /** People a transaction: each batch's statements stay short, and a run never holds one huge transaction. */
    @Inject
    @ConfigProperty(name = "waypoint.retention.batch-size")
    private int batchSize;

    /** The throttle: the pause after each batch, so that the people at work keep their speed while it runs. */
    @Inject
    @ConfigProperty(name = "waypoint.retention.pause")
    private Duration pause;

    @Inject
    private AuditArchive auditArchive;

    private final String owner = "retention-" + UUID.randomUUID();
    private ScheduledFuture<?> runs;

    @PostConstruct
    void start() {
        runs = executor.scheduleWithFixedDelay(this::run, FIRST_RUN.toSeconds(), BETWEEN_RUNS.toSeconds(), TimeUnit.SECONDS);
    }

    private void run() {
        try {
            // Each call through the CDI proxy is a transaction of its own.
            Retention.runOnce(new Retention.Transactions() {
                @Override
                public <T> T apply(Function<Retention, T> step) {
                    return step.apply(retention);
                }
            }, owner, batchSize, pause).ifPresent(counts -> {
                if (counts.people() > 0) {
                    LOG.info(() -> "Retention anonymised " + counts.people() + " people and " + counts.referrals() + " referrals");
                }
            });
        } catch (RuntimeException e) {
            LOG.warning(() -> "Retention run failed, trying again at the next: " + e.getClass().getName());
        }
        // After the people's pass, so that the events of this run's anonymisation are the newest; under
        // its own lease, so that neither job waits for the other, nor fails because the other failed.
        try {
            AuditArchive.runOnce(new AuditArchive.Transactions() {
                @Override
                public <T> T apply(Function<AuditArchive, T> step) {
                    return step.apply(auditArchive);
                }
            }, owner, ARCHIVE_BATCH).ifPresent(counts -> {
                if (counts.deleted() > 0) {
                    LOG.info(() -> "Audit archive: " + counts.archived() + " events archived, " + counts.deleted() + " deleted");
                }
            });
        } catch (RuntimeException e) {
            // The archive's own failures name a file, nothing else; others may carry a statement's values.
            LOG.warning(() -> "Audit archive run failed, trying again at the next: "
                    + (e instanceof AuditArchive.FileException ? e.getMessage() : e.getClass().getName()));
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }
}
