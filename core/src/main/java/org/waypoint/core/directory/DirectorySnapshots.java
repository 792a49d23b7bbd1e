package org.waypoint.core.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the current {@link DirectorySnapshot} and brings it up to date when it may be stale. Every
 * instance sharing the store moves the directory's stored version on in the transaction of a change,
 * noting which service it changed; {@link #refresh()}, run every second or so, compares the stored
 * version with the held snapshot's and, when they differ, reads again only the services changed since
 * (or the whole directory, when a change was to all of it or the held snapshot is too far behind),
 * while matching goes on with the old snapshot. A change made through this instance is seen at once:
 * the next match brings the snapshot up to date itself. Should nothing refresh (no scheduler runs, or
 * the store cannot be read), the held snapshot is brought up to date by a match once it has gone
 * {@link #UNCHECKED_MAX_AGE} unchecked; and the whole directory is read afresh once the last whole
 * read is {@link #MAX_AGE} old, in case a change reached the store without moving its version on.
 */
final class DirectorySnapshots {

    static final Duration UNCHECKED_MAX_AGE = Duration.ofSeconds(30);
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** More services changed than this are read as the whole directory. */
    static final int MAX_CHANGED = 500;

    private final SupportServiceRepository store;
    private final Clock clock;
    // Counting changes rather than flagging them: a change made while a snapshot is being taken
    // leaves that snapshot stale too.
    private final AtomicLong changes = new AtomicLong();
    private volatile Held held;

    DirectorySnapshots(SupportServiceRepository store, Clock clock) {
        this.store = Objects.requireNonNull(store);
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
            return bringUpToDate(current).snapshot;
        }
    }

    /**
     * Compares the stored version with the held snapshot's and brings the snapshot up to date if the
     * directory has changed (or none is held yet); otherwise notes that the held one was found current.
     *
     * @return whether the snapshot changed
     */
    boolean refresh() {
        long version = store.directoryVersion();
        synchronized (this) {
            Held current = held;
            if (isCurrent(current, version)) {
                held = current.checkedAt(clock.instant());
                return false;
            }
            bringUpToDate(current);
            return true;
        }
    }

    void changed() {
        changes.incrementAndGet();
    }

    /**
     * The held snapshot with the services changed since it was taken read again, or the whole directory
     * read afresh. The version is read first, so a change committed meanwhile leaves it stale.
     */
    private Held bringUpToDate(Held current) {
        long changesSeen = changes.get();
        long version = store.directoryVersion();
        Instant now = clock.instant();
        Optional<Set<String>> changed = Optional.empty();
        if (current != null && now.isBefore(current.takenAt.plus(MAX_AGE))) {
            // The same version: nothing changed in the store (a change through this instance had
            // counted itself by the time it was told of), however long since the last check.
            changed = current.version == version ? Optional.of(Set.of()) : store.servicesChanged(current.version, version);
        }
        Held next = changed.filter(ids -> ids.size() <= MAX_CHANGED)
                .map(ids -> new Held(current.snapshot.with(ids, store.profiles(ids)), changesSeen, version, current.takenAt, now))
                .orElseGet(() -> new Held(new DirectorySnapshot(store.profiles()), changesSeen, version, now, now));
        held = next;
        return next;
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

    /** A snapshot, the version it is up to date with, and when the whole directory was last read for it. */
    private record Held(DirectorySnapshot snapshot, long changesSeen, long version, Instant takenAt, Instant checkedAt) {

        Held checkedAt(Instant now) {
            return new Held(snapshot, changesSeen, version, takenAt, now);
        }
    }
}
