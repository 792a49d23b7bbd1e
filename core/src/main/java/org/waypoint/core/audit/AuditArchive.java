package org.waypoint.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.JobLease;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.config.BootSettings;

/**
 * The audit trail's own retention (docs/adr/0015-audit-archives-and-chain-anchors.md): events older
 * than {@code waypoint.audit.retention} are written to an archive file in the archive folder, the file
 * synced and recorded with its SHA-256, and only then deleted, a batch a transaction. Each chain loses
 * only a prefix, from its anchor up to the first event not yet due (or not whole: a break is left for
 * the verification to name); each batch moves the anchor past what it deleted. A run that stops after
 * recording its file is resumed by the next from that file, never by another.
 */
@ApplicationScoped
public class AuditArchive {

    public static final String JOB = "audit-archive";
    public static final String RETENTION = "waypoint.audit.retention";
    public static final String FOLDER = "waypoint.audit.archive-dir";
    /** Who the scheduled run is in the audit trail. */
    public static final Actor SYSTEM = new Actor("audit-archive", "system", Role.ADMIN);
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Events one file holds at most: a run stays short, and the next run takes the rest. */
    static final int MAX_EVENTS = 50_000;
    private static final int READ_BATCH = 500;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final AuditArchives archives;
    private final AuditChains chains;
    private final JobLease lease;
    private final AuditTrail trail;
    private final Clock clock;
    private final Period retention;
    private final Path folder;

    @Inject
    public AuditArchive(AuditArchives archives, AuditChains chains, JobLease lease, AuditTrail trail, Clock clock,
                        @ConfigProperty(name = RETENTION) String retention,
                        @ConfigProperty(name = FOLDER) Optional<String> folder) {
        this(archives, chains, lease, trail, clock, parse(retention),
                folder.map(Path::of).orElseGet(() -> BootSettings.current().dataDirectory().resolve("audit-archive")));
    }

    public AuditArchive(AuditArchives archives, AuditChains chains, JobLease lease, AuditTrail trail, Clock clock,
                        Period retention, Path folder) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(RETENTION + " must be a positive period, not " + retention);
        }
        this.archives = archives;
        this.chains = chains;
        this.lease = lease;
        this.trail = trail;
        this.clock = clock;
        this.retention = retention;
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** For CDI's proxy only. */
    protected AuditArchive() {
        this.archives = null;
        this.chains = null;
        this.lease = null;
        this.trail = null;
        this.clock = null;
        this.retention = null;
        this.folder = null;
    }

    private static Period parse(String period) {
        try {
            return Period.parse(period);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(RETENTION + " is an ISO-8601 period such as P7Y, not " + period, e);
        }
    }

    /**
     * Runs the archive once, unless another instance holds the job: each step in a transaction of its
     * own through {@code transactions}.
     *
     * @return what was archived and deleted; empty when another instance is running it
     */
    public static Optional<Counts> runOnce(Transactions transactions, String owner, int batchSize) {
        if (!transactions.apply(a -> a.claim(owner))) {
            return Optional.empty();
        }
        Optional<AuditArchives.Archive> archive = Optional.empty();
        long deleted = 0;
        Counts counts;
        try {
            archive = transactions.apply(a -> a.unfinishedOrWrite(owner));
            if (archive.isPresent()) {
                AuditArchives.Archive written = archive.get();
                List<AuditEvent> events = transactions.apply(a -> a.read(written));
                for (int from = 0; from < events.size(); from += batchSize) {
                    List<AuditEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize));
                    deleted += transactions.apply(a -> a.delete(owner, batch));
                }
                transactions.apply(a -> a.finished(written));
            }
        } finally {
            counts = new Counts(archive.map(AuditArchives.Archive::events).orElse(0L), deleted);
            Counts done = counts;
            Optional<String> archiveId = archive.map(AuditArchives.Archive::id);
            transactions.apply(a -> a.finish(owner, archiveId, done));
        }
        return Optional.of(counts);
    }

    /** Runs a step of {@link #runOnce} on an {@link AuditArchive} in a transaction of its own. */
    public interface Transactions {
        <T> T apply(Function<AuditArchive, T> step);
    }

    /** How many events a run's archive holds, and how many rows it deleted. */
    public record Counts(long archived, long deleted) {
    }

    @Transactional
    public boolean claim(String owner) {
        Instant now = clock.instant();
        return lease.claim(JOB, owner, now.plus(LEASE), now);
    }

    private void renew(String owner) {
        Instant now = clock.instant();
        if (!lease.claim(JOB, owner, now.plus(LEASE), now)) {
            throw new IllegalStateException("the audit archive run lost its lease");
        }
    }

    /**
     * The archive a run left unfinished; or else a new one of the events due, written, synced and
     * recorded; empty when none is due.
     */
    @Transactional
    public Optional<AuditArchives.Archive> unfinishedOrWrite(String owner) {
        renew(owner);
        Optional<AuditArchives.Archive> unfinished = archives.unfinished();
        if (unfinished.isPresent()) {
            return unfinished;
        }
        Instant now = clock.instant();
        Instant cutoff = now.atZone(ZoneOffset.UTC).minus(retention).toInstant();
        String id = UUID.randomUUID().toString();
        String name = "audit-" + FILE_TIME.format(now) + "-" + id.substring(0, 8) + ".jsonl.gz";
        try (AuditArchiveFile file = AuditArchiveFile.create(folder, name)) {
            Written written = new Written(file);
            String after = "";
            List<AuditEvent> batch;
            do {
                batch = archives.unchainedBefore(cutoff, after, READ_BATCH);
                for (AuditEvent event : batch) {
                    if (!written.add(event)) {
                        break;
                    }
                    after = event.id();
                }
            } while (batch.size() == READ_BATCH && written.count < MAX_EVENTS);
            for (AuditChains.Head head : chains.heads()) {
                writePrefix(head, cutoff, written);
            }
            if (written.count == 0) {
                return Optional.empty();
            }
            AuditArchives.Archive archive = new AuditArchives.Archive(id, name, now, written.count, written.first,
                    written.last, file.finish(), Optional.empty());
            archives.add(archive);
            return Optional.of(archive);
        } catch (IOException e) {
            throw new FileException("the audit archive " + folder.resolve(name) + " could not be written: "
                    + e.getClass().getName());
        }
    }

    /** Writes the chain's due prefix: from its anchor, each event in turn while it is due and whole. */
    private void writePrefix(AuditChains.Head head, Instant cutoff, Written written) throws IOException {
        long expected = head.firstSequence();
        String previous = head.anchorHash();
        List<AuditEvent> batch;
        do {
            batch = chains.events(head.partition(), expected - 1, head.lastSequence(), READ_BATCH);
            for (AuditEvent event : batch) {
                boolean whole = event.chainSequence() == expected && event.previousHash().equals(previous)
                        && event.computeHash().equals(event.entryHash());
                if (!whole || !event.at().isBefore(cutoff) || !written.add(event)) {
                    return;
                }
                previous = event.entryHash();
                expected++;
            }
        } while (batch.size() == READ_BATCH);
    }

    /** The events of a recorded archive, read from its file once the file is found to be the one recorded. */
    public List<AuditEvent> read(AuditArchives.Archive archive) {
        Path file = recordedFile(archive);
        try {
            return AuditArchiveFile.read(file);
        } catch (IOException e) {
            throw new FileException("the audit archive " + file + " could not be read: " + e.getClass().getName());
        }
    }

    /** The archive's file, if it is there and its SHA-256 is the one recorded. */
    private Path recordedFile(AuditArchives.Archive archive) {
        Path file = folder.resolve(archive.fileName());
        try {
            if (Files.isRegularFile(file) && AuditArchiveFile.sha256(file).equals(archive.sha256())) {
                return file;
            }
        } catch (IOException e) {
            throw new FileException("the audit archive " + file + " could not be read: " + e.getClass().getName());
        }
        throw new FileException("the audit archive " + file + " is missing or is not the file recorded");
    }

    /** Deletes a batch of archived events and moves their chains' anchors past them, in one transaction. */
    @Transactional
    public Integer delete(String owner, List<AuditEvent> archived) {
        renew(owner);
        return archives.delete(archived);
    }

    @Transactional
    public Void finished(AuditArchives.Archive archive) {
        archives.finished(archive.id(), clock.instant());
        return null;
    }

    /** Ends a run: audited with its counts, and the lease given back. */
    @Transactional
    public Void finish(String owner, Optional<String> archiveId, Counts counts) {
        trail.success(SYSTEM, AuditTrail.AUDIT, archiveId.orElse("archive"), AuditEvent.Action.DELETE,
                "archived " + counts.archived() + " events, deleted " + counts.deleted());
        lease.release(JOB, owner);
        return null;
    }

    /** An administrator sees the latest archives and where their files are. */
    @Transactional
    public List<AuditArchives.Archive> latest(Actor admin) {
        admin.requireRole(Role.ADMIN, "see the audit archives");
        return archives.latest(100);
    }

    /**
     * An administrator downloads an archive file: where it is, once found to be the file recorded.
     * Audited against the archive.
     */
    @Transactional
    public Path download(Actor admin, String archiveId) {
        admin.requireRole(Role.ADMIN, "download an audit archive");
        AuditArchives.Archive archive = archives.find(archiveId).orElseThrow(() -> new NotFoundException("audit archive"));
        Path file = recordedFile(archive);
        trail.success(admin, AuditTrail.AUDIT, archive.id(), AuditEvent.Action.READ, "archive downloaded");
        return file;
    }

    /** The folder the archive files are written to. */
    public Path folder() {
        return folder;
    }

    /** An archive file could not be written or read, or is not the one recorded; the message names the file only. */
    public static class FileException extends IllegalStateException {
        public FileException(String message) {
            super(message);
        }
    }

    /** A file being written: how many events, and the earliest and latest time among them. */
    private static final class Written {
        private final AuditArchiveFile file;
        private long count;
        private Instant first;
        private Instant last;

        Written(AuditArchiveFile file) {
            this.file = file;
        }

        /** Adds the event, unless the file is full. */
        boolean add(AuditEvent event) throws IOException {
            if (count >= MAX_EVENTS) {
                return false;
            }
            file.add(event);
            count++;
            first = first == null || event.at().isBefore(first) ? event.at() : first;
            last = last == null || event.at().isAfter(last) ? event.at() : last;
            return true;
        }
    }
}
