package org.waypoint.core.audit;

import java.util.List;

/**
 * What a verification of the audit trail found: the first break in each chain that has one, how many
 * chained events were checked, and whether the events outside every chain are still those recorded
 * before the chains began. It names events by id only.
 */
public record AuditChainReport(List<Break> breaks, long eventsChecked, long eventsBeforeChains, long unchainedEvents) {

    /** Why a chain breaks where it does. */
    public enum Reason {
        /** The event's columns no longer give its hash: it was changed after it was written. */
        EDITED,
        /** Events before this one in its chain are missing: they were deleted. */
        DELETED,
        /** The chain does not end where its head says: events at its end were deleted (or the head changed). */
        HEAD_MISMATCH
    }

    /**
     * The first break in one chain.
     *
     * @param eventId  the event where it breaks; for {@link Reason#HEAD_MISMATCH} the last event left, or
     *                 null when none is
     * @param sequence that event's place in the chain
     */
    public record Break(int partition, String eventId, long sequence, Reason reason) {
    }

    public AuditChainReport {
        breaks = List.copyOf(breaks);
    }

    /** Whether nothing shows a change: no chain breaks, and no event was added outside them or removed from before them. */
    public boolean whole() {
        return breaks.isEmpty() && unchainedEvents == eventsBeforeChains;
    }
}
