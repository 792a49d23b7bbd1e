package org.waypoint.core.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Holds the current {@link DirectorySnapshot} and takes a new one when the held one may be stale.
 * Every instance sharing the store moves the directory's stored version on in the transaction of a
 * change; {@link #refresh()}, run every second or so, compares it with the version the held snapshot
 * was taken at and, when they differ, takes a new snapshot in the background while matching goes on
 * with the old one. A change made through this instance is seen at once: the next match takes a new
 * snapshot itself. Should nothing refresh (no scheduler runs, or the store cannot be read), the held
 * snapshot is taken afresh by a match once it has gone {@link #UNCHECKED_MAX_AGE} unchecked; and a
 * refresh takes one anyway once the held one is {@link #MAX_AGE} old, in case a change reached the
 * store without moving its version on.
 */
final class DirectorySnapshots {

    static final Duration UNCHECKED_MAX_AGE = Duration.ofSeconds(30);
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Supplier<List<ServiceProfile>> load;
    private final LongSupplier storedVersion;
    private final Clock clock;
    // Counting changes rather than flagging them: a change made while a snapshot is being taken
    // leaves that snapshot stale too.
    private final AtomicLong changes = new AtomicLong();
    private volatile Held held;

    DirectorySnapshots(Supplier<List<ServiceProfile>> load, LongSupplier storedVersion, Clock clock) {
        this.load = Objects.requireNonNull(load);
        this.storedVersion = Objects.requireNonNull(storedVersion);
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
            return take().snapshot;
        }
    }

    /**
     * Compares the stored version with the held snapshot's and takes a new snapshot if the directory
     * has changed (or none is held yet); otherwise notes that the held one was found current.
     *
     * @return whether a new snapshot was taken
     */
    boolean refresh() {
        long version = storedVersion.getAsLong();
        synchronized (this) {
            Held current = held;
            if (isCurrent(current, version)) {
                held = current.checkedAt(clock.instant());
                return false;
            }
            take();
            return true;
        }
    }

    void changed() {
        changes.incrementAndGet();
    }

    /** Takes a snapshot; the version is read first, so a change committed while the directory is read leaves it stale. */
    private Held take() {
        long changesSeen = changes.get();
        long version = storedVersion.getAsLong();
        Instant takenAt = clock.instant();
        Held taken = new Held(new DirectorySnapshot(load.get()), changesSeen, version, takenAt, takenAt);
        held = taken;
        return taken;
    }

    private boolean isFresh(Held current) {
        return current != null
                && current.changesSeen == changes.get()
                && clock.instant().isBefore(current.checkedAt.plus(UNCHECKED_MAX_AGE));
    }

    private boolean isCurrent(Held current, long version) {
        return current != null
                && current.changesSeen == changes.get()
                && current.version == version
                && clock.instant().isBefore(current.takenAt.plus(MAX_AGE));
    }

    private record Held(DirectorySnapshot snapshot, long changesSeen, long version, Instant takenAt, Instant checkedAt) {

        Held checkedAt(Instant now) {
            return new Held(snapshot, changesSeen, version, takenAt, now);
        }
    }
}
