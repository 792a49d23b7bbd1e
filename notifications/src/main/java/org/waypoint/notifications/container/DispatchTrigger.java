package org.waypoint.notifications.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.waypoint.core.referral.ReferralEvents;

/**
 * Wakes the dispatcher once a change that queued mail has committed, so that an e-mail leaves
 * within moments rather than at the next poll. A rolled-back change wakes nothing.
 */
@ApplicationScoped
public class DispatchTrigger {

    private final OutboxScheduler scheduler;

    @Inject
    public DispatchTrigger(OutboxScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** For CDI's proxy only. */
    protected DispatchTrigger() {
        this(null);
    }

    void submitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralEvents.Submitted event) {
        scheduler.wake();
    }

    void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralEvents.StatusChanged event) {
        scheduler.wake();
    }

    void messagePosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralEvents.MessagePosted event) {
        scheduler.wake();
    }

    void consentWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralEvents.ConsentWithdrawn event) {
        scheduler.wake();
    }
}
