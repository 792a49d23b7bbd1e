package org.waypoint.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.Role;
import org.waypoint.core.audit.persistence.JpaAuditEventRepository;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.Page;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * An administrator searches the audit log on the real database: by record, by user, by a span of
 * time, newest first and a page at a time; nobody else may.
 */
class AuditSearchTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final String CLIENT_ID = "3f0c8a53-7a8c-4a5b-9a49-0f6a1c2b9d10";
    private static final String REFERRAL_ID = "8b2d4e61-1c3a-4f5b-8e7d-2a9c6b0d1e22";
    private static final Actor ADMIN = new Actor("a0000000-0000-0000-0000-000000000001", "org-admin", Role.ADMIN);
    private static final Actor ANNA = new Actor("c0000000-0000-0000-0000-000000000001", "org-police", Role.CASEWORKER);
    private static final Actor BEN = new Actor("s0000000-0000-0000-0000-000000000001", "org-charity", Role.SERVICE_STAFF);

    private static TestDatabase db;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        MutableClock clock = new MutableClock(START);
        db.inTransaction(em -> {
            AuditTrail trail = new AuditTrail(new JpaAuditEventRepository(em), clock);
            trail.success(ANNA, AuditTrail.CLIENT, CLIENT_ID, AuditEvent.Action.CREATE, "create");        // 09:00
            clock.advance(Duration.ofHours(1));
            trail.success(ANNA, AuditTrail.REFERRAL, REFERRAL_ID, AuditEvent.Action.CREATE, "create");    // 10:00
            clock.advance(Duration.ofHours(1));
            trail.success(BEN, AuditTrail.REFERRAL, REFERRAL_ID, AuditEvent.Action.READ, "get");          // 11:00
            clock.advance(Duration.ofHours(1));
            trail.success(BEN, AuditTrail.CLIENT, CLIENT_ID, AuditEvent.Action.READ, "get");              // 12:00
            clock.advance(Duration.ofHours(1));
            trail.record(ANNA, AuditTrail.REFERRAL, REFERRAL_ID, AuditEvent.Action.UPDATE, "accept",
                    AuditEvent.Outcome.DENIED);                                                          // 13:00
            return null;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static Page<AuditEvent> search(AuditQuery query) {
        return db.inTransaction(em -> new AuditTrail(new JpaAuditEventRepository(em), new MutableClock(START)).search(ADMIN, query));
    }

    private static AuditQuery query(String recordId, String userId, Instant from, Instant until, int page, int size) {
        return new AuditQuery(Optional.ofNullable(recordId), Optional.ofNullable(userId), Optional.ofNullable(from),
                Optional.ofNullable(until), page, size);
    }

    @Test
    void findsEverythingNewestFirstAPageAtATime() {
        Page<AuditEvent> first = search(AuditQuery.all(0, 2));
        Page<AuditEvent> last = search(AuditQuery.all(2, 2));

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(AuditEvent::detail).containsExactly("accept", "get");
        assertThat(first.items().get(1).recordType()).isEqualTo(AuditTrail.CLIENT);
        assertThat(last.items()).extracting(AuditEvent::detail).containsExactly("create");
        assertThat(last.items().get(0).recordType()).isEqualTo(AuditTrail.CLIENT);
    }

    @Test
    void findsWhatHappenedToOneRecordWhateverItsType() {
        Page<AuditEvent> found = search(query(REFERRAL_ID, null, null, null, 0, 10));

        assertThat(found.total()).isEqualTo(3);
        assertThat(found.items()).extracting(AuditEvent::detail).containsExactly("accept", "get", "create");
    }

    @Test
    void findsWhatOneUserDidInASpanOfTimeStartIncludedEndLeftOut() {
        Page<AuditEvent> found = search(query(null, ANNA.userId(), START.plus(Duration.ofHours(1)),
                START.plus(Duration.ofHours(4)), 0, 10));

        assertThat(found.total()).isEqualTo(1);
        assertThat(found.items()).singleElement().satisfies(e -> {
            assertThat(e.recordId()).isEqualTo(REFERRAL_ID);
            assertThat(e.action()).isEqualTo(AuditEvent.Action.CREATE);
        });
        assertThat(search(query(CLIENT_ID, BEN.userId(), null, null, 0, 10)).items())
                .extracting(AuditEvent::at).containsExactly(START.plus(Duration.ofHours(3)));
    }

    @Test
    void findsNothingForAnUnknownRecord() {
        assertThat(search(query("no-such-record", null, null, null, 0, 10)).total()).isZero();
    }

    @Test
    void onlyAnAdministratorMaySearch() {
        assertThatThrownBy(() -> db.inTransaction(em -> new AuditTrail(new JpaAuditEventRepository(em), new MutableClock(START))
                .search(ANNA, AuditQuery.all(0, 10))))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void refusesASpanThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> query(null, null, START, START.minusSeconds(1), 0, 10))
                .isInstanceOf(RuleViolation.class);
    }
}
