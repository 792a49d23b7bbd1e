package org.waypoint.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.persistence.JpaAuditArchives;
import org.waypoint.core.audit.persistence.JpaAuditChains;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.persistence.InstantConverter;
import org.waypoint.core.shared.persistence.JpaJobLease;
import org.waypoint.core.testing.TestDatabase;

/**
 * The audit trail's own retention on the migrated database (Derby, or PostgreSQL by profile), with a
 * retention of 7 years as of 1 June 2034: events of 2026 are due, those of 2033 are not. The chains:
 * 0 holds three due events and then two not due; 1 a due one, one not due, and a due one after it (kept:
 * only a prefix goes); 2 only events not due; 3 only due ones. Two events from before the chains, one due.
 */
class AuditArchiveTest {

    private static final Instant NOW = Instant.parse("2034-06-01T10:00:00Z");
    private static final Instant OLD = Instant.parse("2026-01-01T09:00:00Z");
    private static final Instant NEW = Instant.parse("2033-01-01T09:00:00Z");
    private static final Actor ADMIN = new Actor("a0000000-0000-0000-0000-000000000001", "org-admin", Role.ADMIN);
    private static final Actor ANNA = new Actor("c0000000-0000-0000-0000-000000000001", "org-police", Role.CASEWORKER);

    @TempDir
    Path folder;

    private TestDatabase db;
    private int minute;
    /** The events of each chain, by id, in sequence order; then the two from before the chains. */
    private final List<List<String>> chains = new ArrayList<>();
    private String oldUnchained;
    private String newUnchained;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        chains.add(List.of(append(0, OLD), append(0, OLD), append(0, OLD), append(0, NEW), append(0, NEW)));
        chains.add(List.of(append(1, OLD), append(1, NEW), append(1, OLD)));
        chains.add(List.of(append(2, NEW), append(2, NEW)));
        chains.add(List.of(append(3, OLD), append(3, OLD)));
        oldUnchained = "f0000000-0000-0000-0000-000000000001";
        newUnchained = "f0000000-0000-0000-0000-000000000002";
        sql("INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_org_id, record_type, record_id, action, outcome)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", oldUnchained, InstantConverter.timestamp(OLD), ANNA.userId(),
                ANNA.organisationId(), AuditTrail.CLIENT, "before-1", "READ", "SUCCESS");
        sql("INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_org_id, record_type, record_id, action, outcome)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", newUnchained, InstantConverter.timestamp(NEW), ANNA.userId(),
                ANNA.organisationId(), AuditTrail.CLIENT, "before-2", "READ", "SUCCESS");
        sql("UPDATE audit_chain_start SET events_before = ?", 2);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String append(int partition, Instant at) {
        String recordId = "referral-" + partition + "-" + minute;
        Instant when = at.plusSeconds(60L * minute++);
        db.inTransaction(em -> {
            new AuditTrail(new JpaAuditEventRepository(em, () -> partition), Clock.fixed(when, ZoneOffset.UTC))
                    .record(ANNA, AuditTrail.REFERRAL, recordId, AuditEvent.Action.UPDATE, "accept", AuditEvent.Outcome.SUCCESS);
            return null;
        });
        return db.inTransaction(em -> em.createQuery("SELECT e.id FROM AuditEvent e WHERE e.recordId = :r", String.class)
                .setParameter("r", recordId).getSingleResult());
    }

    private AuditArchive archive(EntityManager em) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new AuditArchive(new JpaAuditArchives(em), new JpaAuditChains(em), new JpaJobLease(em),
                new AuditTrail(new JpaAuditEventRepository(em), clock), clock, Period.ofYears(7), folder);
    }

    private <T> T inArchive(Function<AuditArchive, T> step) {
        return db.inTransaction(em -> step.apply(archive(em)));
    }

    private List<AuditArchives.Archive> archives() {
        return db.inTransaction(em -> archive(em).latest(ADMIN));
    }

    private AuditChainReport verify() {
        return db.inTransaction(em -> new AuditChainCheck(new JpaAuditChains(em),
                new AuditTrail(new JpaAuditEventRepository(em), Clock.systemUTC())).verify(ADMIN));
    }

    /** The events due: the prefixes of chains 0, 1 and 3, and the due event from before the chains. */
    private List<String> due() {
        return List.of(oldUnchained, chains.get(0).get(0), chains.get(0).get(1), chains.get(0).get(2), chains.get(1).get(0),
                chains.get(3).get(0), chains.get(3).get(1));
    }

    @Test
    void dueEventsAreArchivedWithEveryColumnThenDeletedAndTheChainsLeftAreWhole() throws Exception {
        Map<String, Map<String, Object>> before = rows();

        Optional<AuditArchive.Counts> run = AuditArchive.runOnce(this::inArchive, "instance-1", 2);

        assertThat(run).contains(new AuditArchive.Counts(7, 7));
        Map<String, Map<String, Object>> after = rows();
        assertThat(after.keySet()).doesNotContainAnyElementsOf(due());
        assertThat(after.keySet()).contains(newUnchained, chains.get(0).get(3), chains.get(0).get(4), chains.get(1).get(1),
                chains.get(1).get(2), chains.get(2).get(0), chains.get(2).get(1));

        List<AuditArchives.Archive> archives = archives();
        assertThat(archives).singleElement().satisfies(archive -> {
            assertThat(archive.events()).isEqualTo(7);
            assertThat(archive.firstAt()).isEqualTo(OLD);
            assertThat(archive.lastAt()).isBefore(NEW);
            assertThat(archive.deletedAt()).isPresent();
        });
        AuditArchives.Archive archive = archives.get(0);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(archive.fileName());
        }
        Path file = folder.resolve(archive.fileName());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                .isEqualTo(archive.sha256());
        List<JsonObject> lines = lines(file);
        assertThat(lines).extracting(line -> line.getString("id")).containsExactlyInAnyOrderElementsOf(due());
        for (JsonObject line : lines) {
            assertThat(columns(line)).as("every column of %s", line.getString("id")).isEqualTo(before.get(line.getString("id")));
        }
        // The chain can be checked from the file alone: each event's hash, and each link to the one before.
        Map<Integer, String> previous = new HashMap<>();
        for (AuditEvent event : AuditArchiveFile.read(file)) {
            if (event.chained()) {
                assertThat(event.computeHash()).isEqualTo(event.entryHash());
                assertThat(event.previousHash()).isEqualTo(previous.getOrDefault(event.chainPartition(), AuditChains.GENESIS));
                previous.put(event.chainPartition(), event.entryHash());
            }
        }

        AuditChainReport report = verify();
        assertThat(report.breaks()).isEmpty();
        assertThat(report.eventsBeforeChains()).isEqualTo(1);
        assertThat(report.whole()).isTrue();
        long audited = db.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.recordType = :t"
                        + " AND e.recordId = :id AND e.detail = 'archived 7 events, deleted 7'", Long.class)
                .setParameter("t", AuditTrail.AUDIT).setParameter("id", archive.id()).getSingleResult());
        assertThat(audited).isEqualTo(1);

        assertThat(AuditArchive.runOnce(this::inArchive, "instance-1", 2)).contains(new AuditArchive.Counts(0, 0));
        assertThat(archives()).hasSize(1);
    }

    @Test
    void aDeleteThatFailsLeavesEveryRowAndTheNextRunFinishesFromTheSameFile() throws Exception {
        Map<String, Map<String, Object>> before = rows();

        assertThatThrownBy(() -> AuditArchive.runOnce(this::failingDeletes, "instance-1", 2))
                .hasMessage("the database went away");

        assertThat(rows().keySet()).containsAll(before.keySet());
        assertThat(verify().whole()).isTrue();
        assertThat(archives()).singleElement()
                .satisfies(archive -> assertThat(archive.deletedAt()).isEmpty());

        assertThat(AuditArchive.runOnce(this::inArchive, "instance-1", 2)).contains(new AuditArchive.Counts(7, 7));

        assertThat(rows().keySet()).doesNotContainAnyElementsOf(due());
        AuditArchives.Archive archive = archives().get(0);
        assertThat(archives()).hasSize(1);
        assertThat(archive.deletedAt()).isPresent();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).hasSize(1);
        }
        assertThat(lines(folder.resolve(archive.fileName()))).extracting(line -> line.getString("id"))
                .containsExactlyInAnyOrderElementsOf(due());
        assertThat(verify().whole()).isTrue();
    }

    @Test
    void anArchiveFileChangedOnDiskStopsTheDelete() throws Exception {
        assertThatThrownBy(() -> AuditArchive.runOnce(this::failingDeletes, "instance-1", 2));
        Path file = folder.resolve(archives().get(0).fileName());
        Files.write(file, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> AuditArchive.runOnce(this::inArchive, "instance-1", 2))
                .isInstanceOf(AuditArchive.FileException.class).hasMessageContaining(file.getFileName().toString());

        assertThat(rows().keySet()).containsAll(due());
    }

    @Test
    void afterPruningAnEditedRowIsStillNamed() {
        AuditArchive.runOnce(this::inArchive, "instance-1", 2);
        String kept = chains.get(1).get(2);

        sql("UPDATE audit_event SET detail = ? WHERE id = ?", "reject", kept);

        assertThat(verify().breaks()).singleElement().satisfies(b -> {
            assertThat(b.eventId()).isEqualTo(kept);
            assertThat(b.partition()).isEqualTo(1);
            assertThat(b.sequence()).isEqualTo(3);
            assertThat(b.reason()).isEqualTo(AuditChainReport.Reason.EDITED);
        });
    }

    @Test
    void afterPruningARowDeletedAfterTheAnchorIsNamedByTheGap() {
        AuditArchive.runOnce(this::inArchive, "instance-1", 2);

        sql("DELETE FROM audit_event WHERE id = ?", chains.get(1).get(1));

        assertThat(verify().breaks()).singleElement().satisfies(b -> {
            assertThat(b.eventId()).isEqualTo(chains.get(1).get(2));
            assertThat(b.partition()).isEqualTo(1);
            assertThat(b.sequence()).isEqualTo(3);
            assertThat(b.reason()).isEqualTo(AuditChainReport.Reason.DELETED);
        });
    }

    @Test
    void afterPruningTheAnchorsOwnEventDeletedIsNamed() {
        AuditArchive.runOnce(this::inArchive, "instance-1", 2);

        sql("DELETE FROM audit_event WHERE id = ?", chains.get(0).get(3));

        assertThat(verify().breaks()).singleElement().satisfies(b -> {
            assertThat(b.eventId()).isEqualTo(chains.get(0).get(4));
            assertThat(b.partition()).isEqualTo(0);
            assertThat(b.sequence()).isEqualTo(5);
            assertThat(b.reason()).isEqualTo(AuditChainReport.Reason.DELETED);
        });
    }

    @Test
    void afterPruningAnArchivedEventFromBeforeTheChainsPutBackIsCounted() {
        AuditArchive.runOnce(this::inArchive, "instance-1", 2);

        sql("INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_org_id, record_type, record_id, action, outcome)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", oldUnchained, InstantConverter.timestamp(OLD), ANNA.userId(),
                ANNA.organisationId(), AuditTrail.CLIENT, "before-1", "READ", "SUCCESS");

        AuditChainReport report = verify();
        assertThat(report.unchainedEvents()).isEqualTo(2);
        assertThat(report.eventsBeforeChains()).isEqualTo(1);
        assertThat(report.whole()).isFalse();
    }

    @Test
    void aRunWaitsWhileAnotherInstanceHoldsTheJob() {
        db.inTransaction(em -> new JpaJobLease(em).claim(AuditArchive.JOB, "instance-2", NOW.plusSeconds(60), NOW));

        assertThat(AuditArchive.runOnce(this::inArchive, "instance-1", 2)).isEmpty();
        assertThat(rows().keySet()).containsAll(due());
    }

    @Test
    void anAdministratorDownloadsAnArchiveOnlyWhileItIsTheFileRecordedAndTheDownloadIsAudited() throws Exception {
        AuditArchive.runOnce(this::inArchive, "instance-1", 2);
        AuditArchives.Archive archive = archives().get(0);

        Path file = inArchive(a -> a.download(ADMIN, archive.id()));

        assertThat(file).isEqualTo(folder.toAbsolutePath().normalize().resolve(archive.fileName()));
        long audited = db.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.recordId = :id"
                + " AND e.detail = 'archive downloaded' AND e.actorUserId = :admin", Long.class)
                .setParameter("id", archive.id()).setParameter("admin", ADMIN.userId()).getSingleResult());
        assertThat(audited).isEqualTo(1);
        assertThatThrownBy(() -> inArchive(a -> a.download(ANNA, archive.id()))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> inArchive(a -> a.download(ADMIN, "no-such-archive")))
                .isInstanceOf(org.waypoint.core.shared.NotFoundException.class);
        Files.writeString(file, "changed");
        assertThatThrownBy(() -> inArchive(a -> a.download(ADMIN, archive.id()))).isInstanceOf(AuditArchive.FileException.class);
    }

    @Test
    void onlyAnAdministratorSeesTheArchives() {
        assertThatThrownBy(() -> inArchive(a -> a.latest(ANNA))).isInstanceOf(NotPermittedException.class);
    }

    /** Each step in its transaction, but a delete fails and rolls back, as a database lost mid-run would. */
    private <T> T failingDeletes(Function<AuditArchive, T> step) {
        return db.inTransaction(em -> {
            T result = step.apply(archive(em));
            if (result instanceof Integer) {
                throw new IllegalStateException("the database went away");
            }
            return result;
        });
    }

    /** Every stored column of every event, by id, as JDBC reads it; null columns left out. */
    private Map<String, Map<String, Object>> rows() {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        try (Connection connection = db.jdbc(); PreparedStatement select = connection.prepareStatement("SELECT * FROM audit_event");
             ResultSet result = select.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = result.getObject(i);
                    if (value instanceof Timestamp timestamp) {
                        value = InstantConverter.instant(timestamp);
                    } else if (value instanceof Number number) {
                        value = number.longValue();
                    } else if (value instanceof String text) {
                        value = text.strip();
                    }
                    if (value != null) {
                        row.put(meta.getColumnName(i).toLowerCase(), value);
                    }
                }
                rows.put((String) row.get("id"), row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** A line of the archive as the columns it gives, each read as its column's type. */
    private static Map<String, Object> columns(JsonObject line) {
        Map<String, Object> columns = new HashMap<>();
        line.forEach((name, value) -> columns.put(name, switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).longValue();
            case STRING -> name.equals("occurred_at") ? Instant.parse(((JsonString) value).getString())
                    : ((JsonString) value).getString();
            default -> throw new AssertionError("unexpected " + value);
        }));
        return columns;
    }

    private static List<JsonObject> lines(Path file) throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                try (JsonReader json = Json.createReader(new StringReader(line))) {
                    lines.add(json.readObject());
                }
            }
        }
        return lines;
    }

    private void sql(String statement, Object... parameters) {
        try (Connection connection = db.jdbc(); PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
