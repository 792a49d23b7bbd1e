package org.waypoint.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit archives' records, and the deletion of archived events with their chains' anchors moved
 * past them. Each call runs in the caller's transaction.
 */
public interface AuditArchives {

    /** Up to {@code size} events outside every chain recorded before {@code cutoff}, in id order after {@code after}. */
    List<AuditEvent> unchainedBefore(Instant cutoff, String after, int size);

    void add(Archive archive);

    /** The archive whose events are not all deleted yet, if any: a run resumes it before writing another. */
    Optional<Archive> unfinished();

    void finished(String archiveId, Instant at);

    Optional<Archive> find(String archiveId);

    /** The latest archives, newest first. */
    List<Archive> latest(int limit);

    /**
     * Deletes these archived events, given in chain order, and moves each chain's anchor to just after
     * the last of them there (never back), and lowers the count of events from before the chains by
     * those of them deleted. Events already gone are passed over.
     *
     * @return how many rows were deleted
     */
    int delete(List<AuditEvent> archived);

    /** One archive file: its name in the archive folder, how many events and of what period, its SHA-256. */
    record Archive(String id, String fileName, Instant createdAt, long events, Instant firstAt, Instant lastAt,
                   String sha256, Optional<Instant> deletedAt) {
    }
}
