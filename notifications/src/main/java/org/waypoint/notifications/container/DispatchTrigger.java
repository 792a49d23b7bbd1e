package org.waypoint.notifications.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.waypoint.core.referral.ReferralEvents;
import org.waypoint.notifications.outbox.DispatchLoop;

/**
 * Wakes the dispatcher once a change that queued mail has committed, so that an e-mail leaves
 * within moments rather than at the next poll. A rolled-back change wakes nothing. The scheduler
 * hands its loop over when it starts: a wake is then a plain call, not one through the EJB
 * container, on the path of every submission.
 */
@ApplicationScoped
public class DispatchTrigger {

    private volatile DispatchLoop loop;

    void attach(DispatchLoop started) {
        loop = started;
    }

    void detach() {
        loop = null;
    }

    /** Asks the dispatcher to look at the outbox now; nothing happens before the scheduler has started. */
    void wake() {
        DispatchLoop current = loop;
        if (current != null) {
            current.wake();
        }
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
