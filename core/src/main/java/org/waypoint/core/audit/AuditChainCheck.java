package org.waypoint.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;

/**
 * An administrator verifies the audit trail: each chain is walked in sequence order from its anchor
 * (where it starts once a prefix has been archived), a batch at a time, and its first break reported (an event whose columns no longer give its hash, a gap in the
 * sequence, an end short of the head). The verification is itself audited.
 */
@ApplicationScoped
public class AuditChainCheck {

    static final int BATCH = 500;

    private final AuditChains chains;
    private final AuditTrail trail;

    @Inject
    public AuditChainCheck(AuditChains chains, AuditTrail trail) {
        this.chains = chains;
        this.trail = trail;
    }

    /** For CDI's proxy only. */
    protected AuditChainCheck() {
        this.chains = null;
        this.trail = null;
    }

    @Transactional
    public AuditChainReport verify(Actor admin) {
        admin.requireRole(Role.ADMIN, "verify the audit trail");
        long[] checked = {0};
        List<AuditChainReport.Break> breaks = new ArrayList<>();
        for (AuditChains.Head head : chains.heads()) {
            walk(head, checked).ifPresent(breaks::add);
        }
        AuditChainReport report = new AuditChainReport(breaks, checked[0], chains.eventsBeforeChains(), chains.unchainedEvents());
        trail.success(admin, AuditTrail.AUDIT, "chains", AuditEvent.Action.READ,
                report.whole() ? "verify whole" : "verify broken");
        return report;
    }

    private Optional<AuditChainReport.Break> walk(AuditChains.Head head, long[] checked) {
        int partition = head.partition();
        long expected = head.firstSequence();
        String previous = head.anchorHash();
        String previousId = null;
        List<AuditEvent> batch;
        do {
            batch = chains.events(partition, expected - 1, head.lastSequence(), BATCH);
            for (AuditEvent event : batch) {
                if (event.chainSequence() != expected) {
                    return broken(partition, event.id(), event.chainSequence(), AuditChainReport.Reason.DELETED);
                }
                if (!event.computeHash().equals(event.entryHash())) {
                    return broken(partition, event.id(), expected, AuditChainReport.Reason.EDITED);
                }
                if (!Objects.equals(event.previousHash(), previous)) {
                    // The event before holds a hash that fits its columns, but not the one this event was
                    // chained to: it was changed and its hash computed again.
                    return broken(partition, previousId, expected - 1, AuditChainReport.Reason.EDITED);
                }
                previous = event.entryHash();
                previousId = event.id();
                expected++;
                checked[0]++;
            }
        } while (batch.size() == BATCH);
        if (expected - 1 != head.lastSequence() || !previous.equals(head.lastHash())) {
            return broken(partition, previousId, expected - 1, AuditChainReport.Reason.HEAD_MISMATCH);
        }
        return Optional.empty();
    }

    private static Optional<AuditChainReport.Break> broken(int partition, String eventId, long sequence,
                                                           AuditChainReport.Reason reason) {
        return Optional.of(new AuditChainReport.Break(partition, eventId, sequence, reason));
    }
}
