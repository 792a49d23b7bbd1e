package org.waypoint.core.shared.crypto;

import java.time.Instant;
import java.util.Optional;

/**
 * How far re-encrypting every stored value under {@code targetKey} has come: tables finished of all,
 * rows read and values rewritten, when it started and finished, and whether an instance holds it now.
 */
public record KeyRotationProgress(Optional<String> targetKey, int tablesDone, int tables, long rowsRead,
                                  long rewritten, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                                  boolean running) {

    public boolean finished() {
        return finishedAt.isPresent();
    }
}
