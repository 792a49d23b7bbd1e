package org.waypoint.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.persistence.JpaAuditChains;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.testing.TestDatabase;

/**
 * The audit trail's hash chains on the real database: events appended by concurrent writers form
 * whole chains, and a row changed, deleted or cut off the end with plain SQL is named by the
 * verification, by id and reason.
 */
class AuditChainTest {

    private static final Actor ADMIN = new Actor("a0000000-0000-0000-0000-000000000001", "org-admin", Role.ADMIN);
    private static final Actor ANNA = new Actor("c0000000-0000-0000-0000-000000000001", "org-police", Role.CASEWORKER);

    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Appends events one a transaction, spread over three chains in turn; returns their ids in order. */
    private List<String> append(int count) {
        AtomicInteger next = new AtomicInteger();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String recordId = "referral-" + i;
            db.inTransaction(em -> {
                new AuditTrail(new JpaAuditEventRepository(em, () -> next.getAndIncrement() % 3), Clock.systemUTC())
                        .success(ANNA, AuditTrail.REFERRAL, recordId, AuditEvent.Action.READ, "get");
                return null;
            });
            ids.add(idOf(recordId));
        }
        return ids;
    }

    private String idOf(String recordId) {
        return db.inTransaction(em -> em.createQuery("SELECT e.id FROM AuditEvent e WHERE e.recordId = :r", String.class)
                .setParameter("r", recordId).getSingleResult());
    }

    private AuditChainReport verify(Actor actor) {
        return db.inTransaction(em -> new AuditChainCheck(new JpaAuditChains(em),
                new AuditTrail(new JpaAuditEventRepository(em), Clock.systemUTC())).verify(actor));
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

    @Test
    void eventsAppendedFormWholeChainsAndTheVerificationIsAudited() {
        append(12);

        AuditChainReport report = verify(ADMIN);

        assertThat(report.whole()).isTrue();
        assertThat(report.breaks()).isEmpty();
        assertThat(report.eventsChecked()).isEqualTo(12);
        AuditChainReport again = verify(ADMIN);
        assertThat(again.whole()).isTrue();
        assertThat(again.eventsChecked()).isEqualTo(13);
        long verifications = db.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.recordType = :t"
                + " AND e.detail = 'verify whole'", Long.class).setParameter("t", AuditTrail.AUDIT).getSingleResult());
        assertThat(verifications).isEqualTo(2);
    }

    @Test
    void aRowChangedWithSqlIsNamed() {
        List<String> ids = append(12);
        String changed = ids.get(4);

        sql("UPDATE audit_event SET actor_user_id = ? WHERE id = ?", "someone-else", changed);

        AuditChainReport report = verify(ADMIN);
        assertThat(report.whole()).isFalse();
        assertThat(report.breaks()).singleElement().satisfies(b -> {
            assertThat(b.eventId()).isEqualTo(changed);
            assertThat(b.partition()).isEqualTo(1);
            assertThat(b.sequence()).isEqualTo(2);
            assertThat(b.reason()).isEqualTo(AuditChainReport.Reason.EDITED);
        });
    }

    @Test
    void aRowChangedWithItsHashComputedAgainIsNamedByTheEventAfterIt() {
        List<String> ids = append(12);
        String changed = ids.get(4);
        AuditEvent original = db.inTransaction(em -> em.find(AuditEvent.class, changed));
        sql("UPDATE audit_event SET detail = ? WHERE id = ?", "list", changed);
        AuditEvent edited = db.inTransaction(em -> em.find(AuditEvent.class, changed));
        sql("UPDATE audit_event SET entry_hash = ? WHERE id = ?", edited.computeHash(), changed);
        assertThat(edited.computeHash()).isNotEqualTo(original.entryHash());

        assertThat(verify(ADMIN).breaks()).singleElement().satisfies(b -> {
            assertThat(b.eventId()).isEqualTo(changed);
            assertThat(b.reason()).isEqualTo(AuditChainReport.Reason.EDITED);
        });
    }

    @Test
    void aDeletedRowIsNamedByTheGapItLeaves() {
        List<String> ids = append(12);

        sql("DELETE FROM audit_event WHERE id = ?", ids.get(3));

        assertThat(verify(ADMIN).breaks()).singleElement().satisfies(b -> {
            assertThat(b.eventId()).isEqualTo(ids.get(6));
            assertThat(b.partition()).isEqualTo(0);
            assertThat(b.sequence()).isEqualTo(3);
            assertThat(b.reason()).isEqualTo(AuditChainReport.Reason.DELETED);
        });
    }

    @Test
    void aChainCutShortAtItsEndDisagreesWithItsHead() {
        List<String> ids = append(12);

        sql("DELETE FROM audit_event WHERE id = ?", ids.get(11));

        assertThat(verify(ADMIN).breaks()).singleElement().satisfies(b -> {
            assertThat(b.eventId()).isEqualTo(ids.get(8));
            assertThat(b.partition()).isEqualTo(2);
            assertThat(b.sequence()).isEqualTo(3);
            assertThat(b.reason()).isEqualTo(AuditChainReport.Reason.HEAD_MISMATCH);
        });
    }

    @Test
    void anEventAddedOutsideTheChainsIsCounted() {
        append(3);

        sql("INSERT INTO audit_event (id, occurred_at, actor_user_id, actor_org_id, record_type, record_id, action, outcome)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "f0000000-0000-0000-0000-000000000001",
                java.sql.Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")), ANNA.userId(), ANNA.organisationId(),
                AuditTrail.CLIENT, "someone", "READ", "SUCCESS");

        AuditChainReport report = verify(ADMIN);
        assertThat(report.breaks()).isEmpty();
        assertThat(report.eventsBeforeChains()).isZero();
        assertThat(report.unchainedEvents()).isEqualTo(1);
        assertThat(report.whole()).isFalse();
    }

    @Test
    void concurrentWritersOfOneChainBothSucceedAndKeepItWhole() throws Exception {
        int writers = 4;
        int each = 25;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        String recordId = "w" + writer + "-" + i;
                        db.inTransaction(em -> {
                            new AuditTrail(new JpaAuditEventRepository(em, () -> 5), Clock.systemUTC())
                                    .success(ANNA, AuditTrail.CLIENT, recordId, AuditEvent.Action.READ, "get");
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }

        AuditChainReport report = verify(ADMIN);
        assertThat(report.whole()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(writers * each);
        long head = db.inTransaction(em -> new JpaAuditChains(em).heads().get(5).lastSequence());
        assertThat(head).isEqualTo(writers * each);
    }

    @Test
    void onlyAnAdministratorMayVerify() {
        assertThatThrownBy(() -> verify(ANNA)).isInstanceOf(NotPermittedException.class);
    }
}
