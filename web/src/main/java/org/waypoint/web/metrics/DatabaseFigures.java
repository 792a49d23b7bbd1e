package org.waypoint.web.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.notifications.outbox.Outbox;
import org.waypoint.notifications.outbox.OutboxDepth;

/**
 * The gauges' figures from the database, in three small queries (the outbox grouped by state and
 * kind, its oldest waiting message through the state-and-time index, the overdue referrals counted),
 * taken at most once every {@link #FRESH_FOR} however many gauges or scrapes ask.
 */
@ApplicationScoped
public class DatabaseFigures {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Outbox outbox;
    private final ReferralRepository referrals;
    private final Clock clock;
    private Figures latest;

    @Inject
    public DatabaseFigures(Outbox outbox, ReferralRepository referrals, Clock clock) {
        this.outbox = outbox;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected DatabaseFigures() {
        this(null, null, null);
    }

    /** The figures as of at most {@link #FRESH_FOR} ago. */
    @Transactional
    public synchronized Figures current() {
        Instant now = clock.instant();
        if (latest == null || !latest.takenAt().plus(FRESH_FOR).isAfter(now)) {
            latest = new Figures(now, outbox.depth(), outbox.oldestPending(), referrals.countOverdue(now));
        }
        return latest;
    }

    /** What the database said at {@code takenAt}. */
    public record Figures(Instant takenAt, List<OutboxDepth> outbox, Optional<Instant> oldestPending, long overdue) {

        long count(org.waypoint.notifications.outbox.OutboxStatus status, org.waypoint.notifications.outbox.MailKind kind) {
            return outbox.stream().filter(d -> d.status() == status && d.kind() == kind).mapToLong(OutboxDepth::count).sum();
        }

        double oldestPendingSeconds() {
            return oldestPending.map(oldest -> Math.max(0, Duration.between(oldest, takenAt).toMillis() / 1000.0)).orElse(0.0);
        }
    }
}
