package org.waypoint.web.http;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.config.BootSettings;
import org.waypoint.core.shared.persistence.Migrations;
import org.waypoint.notifications.outbox.TransactionRunner;

/**
 * An online backup of the embedded Derby database, taken inside this process (the only one that may
 * open it) by Derby's own {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} while the server goes on serving.
 * Each backup goes to a new folder, named by the time it began, under the backup root
 * ({@code waypoint.backup.dir}, by default {@code backup} in the data folder): the caller names no path.
 * The encryption and HMAC keys are never part of it. PostgreSQL is refused: it has its own tools.
 */
@ApplicationScoped
public class DatabaseBackup {

    /** The audit trail's record type of the database as a whole. */
    public static final String AUDITED_AS = "DATABASE";

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    TransactionRunner transactions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "waypoint.backup.dir")
    Optional<String> configuredRoot;

    private final ReentrantLock running = new ReentrantLock();

    /** One backup taken: its name, its folder, the database's folder inside it, its size and its times. */
    public record Backup(String name, Path folder, Path database, long bytes, Instant startedAt, Instant finishedAt) {
    }

    /** A backup this server will not take; the detail says why and what to do instead. */
    public static class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        Refused(String detail) {
            super(detail);
        }
    }

    /**
     * Takes a backup now, one at a time. The start is audited (and committed) before the copy begins,
     * so the backup holds the record of its own taking.
     */
    public Backup backUp(Actor admin) throws Refused, SQLException, IOException {
        admin.requireRole(Role.ADMIN, "back up the database");
        if (!running.tryLock()) {
            throw new Refused("A backup is already being taken: wait for it to finish, then ask again.");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!"Apache Derby".equals(connection.getMetaData().getDatabaseProductName())) {
                throw new Refused("This server's database is PostgreSQL, which Waypoint does not back up itself: "
                        + "use pg_dump, or PostgreSQL's continuous archiving (README, \"Backup and restore\").");
            }
            Instant startedAt = clock.instant();
            String name = NAME.format(startedAt);
            Path folder = root().resolve(name);
            transactions.run(() -> audit.success(admin, AUDITED_AS, name, AuditEvent.Action.READ, "online backup"));
            try (CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                backup.setString(1, folder.toString());
                backup.execute();
            } catch (SQLException e) {
                deleteQuietly(folder);
                throw e;
            }
            Path database;
            try (Stream<Path> inside = Files.list(folder)) {
                database = inside.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IOException("the backup folder holds no database"));
            }
            return new Backup(name, folder, database, size(folder), startedAt, clock.instant());
        } finally {
            running.unlock();
        }
    }

    /** The backup root, made readable by its owner only when this creates it: a backup holds personal data. */
    private Path root() throws IOException {
        Path data = BootSettings.current().dataDirectory();
        Path root = configuredRoot.filter(dir -> !dir.isBlank()).map(dir -> data.resolve(dir).normalize())
                .orElse(data.resolve("backup"));
        if (!Files.isDirectory(root)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(root);
            }
        }
        return root;
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // What is left is an incomplete backup in the backup root, named by its time; nothing reads it.
        }
    }
}
