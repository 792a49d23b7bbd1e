package org.waypoint.web.directory;

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
import org.waypoint.core.directory.DirectoryImport;
import org.waypoint.core.directory.DirectoryService;

/**
 * Keeps this instance's snapshot of the directory for matching current: every second it reads the
 * directory's version from the database, one row, and takes a new snapshot when another instance (or
 * this one) has changed the directory, so that every instance matches against a change within about
 * two seconds. The first run takes the first snapshot, so the first match does not wait for it. A
 * start-up EJB on the server's managed scheduled executor, like the outbox's, because the executor
 * is bound in JNDI only once deployment has got that far; here, where the one deployable is
 * assembled, so that core holds the rule ({@link DirectoryService#keepSnapshotCurrent()}) and no
 * container timer. While an import holds a parsed source in this instance the refresher waits for it
 * to end ({@link DirectoryImport#importing()}); a match through this instance still brings the
 * snapshot up to date itself.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SnapshotRefresher {

    private static final Logger LOG = Logger.getLogger(SnapshotRefresher.class.getName());
    private static final Duration POLL = Duration.ofSeconds(1);

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private DirectoryService directory;

    @Inject
    private DirectoryImport imports;

    private ScheduledFuture<?> refreshes;
    private volatile boolean failing;

    @PostConstruct
    void start() {
        refreshes = executor.scheduleWithFixedDelay(this::refresh, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        if (imports.importing()) {
            return;
        }
        try {
            directory.keepSnapshotCurrent();
            if (failing) {
                failing = false;
                LOG.info("The directory's snapshot is kept current again");
            }
        } catch (RuntimeException e) {
            // Said once, not every second; matching goes on with the snapshot it holds meanwhile.
            if (!failing) {
                failing = true;
                LOG.warning(() -> "Refreshing the directory's snapshot failed, trying again every second: "
                        + e.getClass().getName());
            }
        }
    }

    @PreDestroy
    void stop() {
        if (refreshes != null) {
            refreshes.cancel(false);
        }
    }
}
