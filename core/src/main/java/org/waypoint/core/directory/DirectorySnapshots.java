package org.waypoint.core.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Holds the current {@link DirectorySnapshot} and takes a new one when the held one may be stale:
 * after a change made through this instance, or once it is {@link #MAX_AGE} old, because other
 * instances sharing the database change the directory without telling this one.
 */
final class DirectorySnapshots {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final Supplier<List<ServiceProfile>> load;
    private final Clock clock;
    // Counting changes rather than flagging them: a change made while a snapshot is being taken
    // leaves that snapshot stale too.
    private final AtomicLong changes = new AtomicLong();
    private volatile Held held;

    DirectorySnapshots(Supplier<List<ServiceProfile>> load, Clock clock) {
        this.load = Objects.requireNonNull(load);
        this.clock = Objects.requireNonNull(clock);
    }

    DirectorySnapshot current() {
        Held current = held;
        if (isFresh(current)) {
            return current.snapshot;
        }
        synchronized (this) {
            current = held;
            if (isFresh(current)) {
                return current.snapshot;
            }
            long changesSeen = changes.get();
            Instant takenAt = clock.instant();
            current = new Held(new DirectorySnapshot(load.get()), changesSeen, takenAt);
            held = current;
            return current.snapshot;
        }
    }

    void changed() {
        changes.incrementAndGet();
    }

    private boolean isFresh(Held current) {
        return current != null
                && current.changesSeen == changes.get()
                && clock.instant().isBefore(current.takenAt.plus(MAX_AGE));
    }

    private record Held(DirectorySnapshot snapshot, long changesSeen, Instant takenAt) {
    }
}
