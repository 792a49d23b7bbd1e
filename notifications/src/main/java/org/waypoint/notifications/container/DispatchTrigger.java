package org.waypoint.notifications.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import org.waypoint.core.referral.ReferralEvents;
import org.waypoint.notifications.outbox.DispatchLoop;

/**
 * Wakes the dispatchers (e-mail and webhooks) once a change that queued mail or events has committed,
 * so that an e-mail or a webhook leaves within moments rather than at the next poll. A rolled-back change wakes nothing. The scheduler
 * hands its loops over when it starts: a wake is then a plain call, not one through the EJB
 * container, on the path of every submission.
 */
@ApplicationScoped
public class DispatchTrigger {

    private volatile List<DispatchLoop> loops = List.of();

    void attach(DispatchLoop... started) {
        loops = List.of(started);
    }

    void detach() {
        loops = List.of();
    }

    /** Asks the dispatchers to look at the outbox now; nothing happens before the scheduler has started. */
    void wake() {
        loops.forEach(DispatchLoop::wake);
    }

    void submitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralEvents.Submitted event) {
        wake();
    }

    void statusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralEvents.StatusChanged event) {
        wake();
    }

    void messagePosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralEvents.MessagePosted event) {
        wake();
    }

    void consentWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralEvents.ConsentWithdrawn event) {
        wake();
    }
}
