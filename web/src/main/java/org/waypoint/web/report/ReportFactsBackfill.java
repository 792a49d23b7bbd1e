package org.waypoint.web.report;

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
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.waypoint.core.referral.ReferralService;

/**
 * Once after start-up, derives the reports' facts (crime marks, working times) for referrals written
 * before the reports kept them, a batch per transaction, in the background so that start-up does not
 * wait. Until it has finished, such referrals are missing from the time figures and the crime-type
 * filter. Running on several instances at once is harmless: each derives the same facts, and a
 * referral changed meanwhile is simply measured by whichever commits first.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class ReportFactsBackfill {

    private static final Logger LOG = Logger.getLogger(ReportFactsBackfill.class.getName());
    private static final int BATCH = 200;

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private ReferralService referrals;

    private Future<?> run;

    @PostConstruct
    void start() {
        run = executor.submit(this::derive);
    }

    private void derive() {
        long derived = 0;
        try {
            for (int done = referrals.deriveMissingFacts(BATCH); done > 0; done = referrals.deriveMissingFacts(BATCH)) {
                derived += done;
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The next start tries again; the reports meanwhile leave these referrals out of two figures.
            LOG.warning(() -> "Deriving the reports' facts for older referrals stopped: " + e.getClass().getName());
            return;
        }
        if (derived > 0) {
            long count = derived;
            LOG.info(() -> "Derived the reports' facts for " + count + " older referrals");
        }
    }

    @PreDestroy
    void stop() {
        if (run != null) {
            run.cancel(true);
        }
    }
}
