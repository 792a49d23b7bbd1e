package org.waypoint.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waypoint.core.idempotency.persistence.JpaIdempotencyRepository;
import org.waypoint.core.testing.MutableClock;
import org.waypoint.core.testing.TestDatabase;

/**
 * Old idempotency records are swept on the real database (Derby, or PostgreSQL with the postgresql
 * profile), as the application's sweep runs: each batch in a transaction of its own. What is older
 * than the retention goes, finished or not; what is younger, or exactly as old, stays.
 */
class IdempotencySweepTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final String HASH = "a".repeat(64);

    private TestDatabase db;
    private MutableClock clock;
    private final List<Integer> batches = new ArrayList<>();
    private int failOnBatch = -1;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        clock = new MutableClock(NOW);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void sweepsRecordsOlderThanTheRetentionAndKeepsTheBoundaryAndYoungerOnes() throws Exception {
        completed("old-finished", NOW.minus(RETENTION).minusSeconds(1));
        completed("long-ago", NOW.minus(Duration.ofDays(30)));
        claimed("old-abandoned", NOW.minus(RETENTION).minusSeconds(1));
        completed("exactly-retention", NOW.minus(RETENTION));
        completed("young-finished", NOW.minus(Duration.ofHours(1)));
        claimed("in-flight-just-younger", NOW.minus(RETENTION).plusSeconds(1));
        claimed("in-flight-now", NOW.minusSeconds(5));

        int swept = retention(500).sweep();

        assertThat(swept).isEqualTo(3);
        assertThat(keys()).containsExactlyInAnyOrder("exactly-retention", "young-finished", "in-flight-just-younger",
                "in-flight-now");
    }

    @Test
    void theRecordAtTheBoundaryGoesAtTheNextSweep() throws Exception {
        completed("boundary", NOW.minus(RETENTION));
        IdempotencyRetention retention = retention(500);

        assertThat(retention.sweep()).isZero();
        clock.advance(Duration.ofSeconds(1));

        assertThat(retention.sweep()).isEqualTo(1);
        assertThat(keys()).isEmpty();
    }

    @Test
    void sweepsABatchATransactionUntilNoneIsLeft() throws Exception {
        for (int i = 0; i < 7; i++) {
            completed("old-" + i, NOW.minus(RETENTION).minus(Duration.ofMinutes(i + 1)));
        }
        completed("young", NOW.minus(Duration.ofMinutes(10)));

        int swept = retention(3).sweep();

        assertThat(swept).isEqualTo(7);
        assertThat(batches).containsExactly(3, 3, 1);
        assertThat(keys()).containsExactly("young");
    }

    @Test
    void aFullLastBatchIsFollowedByAnEmptyOne() throws Exception {
        for (int i = 0; i < 6; i++) {
            completed("old-" + i, NOW.minus(RETENTION).minus(Duration.ofMinutes(i + 1)));
        }

        assertThat(retention(3).sweep()).isEqualTo(6);
        assertThat(batches).containsExactly(3, 3, 0);
    }

    @Test
    void eachBatchCommitsOnItsOwnOldestFirstSoAFailedSweepKeepsWhatItDid() throws Exception {
        for (int i = 0; i < 7; i++) {
            completed("old-" + i, NOW.minus(RETENTION).minus(Duration.ofMinutes(i + 1)));
        }
        failOnBatch = 2;

        assertThatThrownBy(() -> retention(3).sweep()).isInstanceOf(IllegalStateException.class);

        assertThat(batches).containsExactly(3);
        assertThat(keys()).containsExactlyInAnyOrder("old-0", "old-1", "old-2", "old-3");
    }

    @Test
    void aKeyRepeatedAfterItsRecordWasSweptIsANewRequest() throws Exception {
        IdempotencyRepository records = records();
        records.addAndFlush(new IdempotencyRecord("u-1", "create-client-1", HASH, clock.instant()));
        db.inTransaction(em -> {
            em.find(IdempotencyRecord.class, IdempotencyRecord.id("u-1", "create-client-1"))
                    .complete(201, "{\"id\":\"c-1\"}", null, null);
            return null;
        });
        clock.advance(RETENTION.plusSeconds(1));

        retention(500).sweep();

        assertThat(keys()).isEmpty();
        records.addAndFlush(new IdempotencyRecord("u-1", "create-client-1", "b".repeat(64), clock.instant()));
        assertThat(keys()).containsExactly("create-client-1");
    }

    @Test
    void refusesARetentionThatIsNotADurationOrShorterThanAnAbandonedClaim() {
        assertThat(IdempotencyRetention.parse(" PT24H ")).isEqualTo(Duration.ofHours(24));
        assertThat(IdempotencyRetention.parse("P7D")).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> IdempotencyRetention.parse("24h"))
                .hasMessageContaining(IdempotencyRetention.SETTING).hasMessageContaining("PT24H");
        assertThatThrownBy(() -> new IdempotencyRetention("PT1M", records(), clock))
                .hasMessageContaining(IdempotencyRetention.SETTING).hasMessageContaining("PT2M");
        assertThat(new IdempotencyRetention("PT2M", records(), clock).retention()).isEqualTo(Duration.ofMinutes(2));
    }

    private IdempotencyRetention retention(int batch) {
        return new IdempotencyRetention(RETENTION, records(), clock, batch);
    }

    /** The records as the container runs them: each call commits in a transaction of its own. */
    private IdempotencyRepository records() {
        return new IdempotencyRepository() {
            @Override
            public Optional<IdempotencyRecord> find(String id) {
                return inOwnTransaction(records -> records.find(id));
            }

            @Override
            public void addAndFlush(IdempotencyRecord record) {
                inOwnTransaction(records -> {
                    records.addAndFlush(record);
                    return null;
                });
            }

            @Override
            public void remove(IdempotencyRecord record) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int removeCreatedBefore(Instant cutoff, int limit) {
                if (batches.size() + 1 == failOnBatch) {
                    throw new IllegalStateException("the database went away");
                }
                int removed = inOwnTransaction(records -> records.removeCreatedBefore(cutoff, limit));
                batches.add(removed);
                return removed;
            }
        };
    }

    private <T> T inOwnTransaction(Function<JpaIdempotencyRepository, T> work) {
        return db.inTransaction(em -> work.apply(new JpaIdempotencyRepository(em)));
    }

    private void claimed(String key, Instant at) {
        db.inTransaction(em -> {
            em.persist(new IdempotencyRecord("u-1", key, HASH, at));
            return null;
        });
    }

    private void completed(String key, Instant at) {
        db.inTransaction(em -> {
            IdempotencyRecord record = new IdempotencyRecord("u-1", key, HASH, at);
            record.complete(201, "{\"id\":\"" + key + "\"}", null, "1");
            em.persist(record);
            return null;
        });
    }

    /** The keys left in the table, read past the persistence unit. */
    private List<String> keys() throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection connection = db.jdbc(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM idempotency_record")) {
            while (rows.next()) {
                keys.add(rows.getString(1).substring("u-1:".length()));
            }
        }
        return keys;
    }
}
