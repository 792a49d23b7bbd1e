package org.waypoint.notifications.referral;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.notifications.outbox.TransactionRunner;

/**
 * The scheduled check for referrals not acknowledged by their due time. Each referral is reminded
 * in a transaction of its own, with its outbox rows and its notice of the day together: if another
 * instance reminded it first, only that referral's transaction fails and nothing is queued twice.
 */
public final class OverdueReminders {

    private static final Logger LOG = Logger.getLogger(OverdueReminders.class.getName());

    private final TransactionRunner transactions;
    private final ReferralRepository referrals;
    private final ReferralNotifications notifications;
    private final Clock clock;

    public OverdueReminders(TransactionRunner transactions, ReferralRepository referrals,
                            ReferralNotifications notifications, Clock clock) {
        this.transactions = transactions;
        this.referrals = referrals;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Answers how many referrals were reminded of now. */
    public int run() {
        List<String> overdue = transactions.inTransaction(
                () -> referrals.overdue(clock.instant()).stream().map(Referral::id).toList());
        int reminded = 0;
        for (String referralId : overdue) {
            try {
                if (transactions.inTransaction(() -> notifications.remindIfOverdue(referralId))) {
                    reminded++;
                }
            } catch (RuntimeException e) {
                LOG.info(() -> "Overdue reminder for referral " + referralId + " not queued here: "
                        + e.getClass().getSimpleName());
            }
        }
        return reminded;
    }
}
