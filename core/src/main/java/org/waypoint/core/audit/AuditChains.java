package org.waypoint.core.audit;

import java.util.List;

/**
 * The audit trail's hash chains as the verification reads them: each chain's head (its last sequence
 * and hash, moved by every append) and its events in sequence order, a batch at a time.
 */
public interface AuditChains {

    /** How many chains the trail is spread over; writers of different chains never wait for each other. */
    int PARTITIONS = 8;

    /** The "previous hash" of each chain's first event. */
    String GENESIS = "0".repeat(64);

    /**
     * A chain's ends: its anchor (the first sequence still kept, and the previous hash that event must
     * carry: {@link #GENESIS} until a prefix is archived) and its head (where its last event is and what
     * that event's hash is).
     */
    record Head(int partition, long firstSequence, String anchorHash, long lastSequence, String lastHash) {
    }

    /** Every chain's anchor and head, in partition order. */
    List<Head> heads();

    /** Up to {@code size} events of a chain with sequences after {@code after} and up to {@code last}, in order. */
    List<AuditEvent> events(int partition, long after, long last, int size);

    /** How many events are in no chain now. */
    long unchainedEvents();

    /** How many events were recorded before the chains began (V26), and so are in none. */
    long eventsBeforeChains();
}
