package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.persistence.JpaPasswordResetTokenRepository;
import org.waypoint.core.account.persistence.JpaThrottle;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationKind;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.testing.TestDatabase;

/** The reset tokens, the throttle and the sessions' cut-off on the migrated database (Derby, or PostgreSQL by profile). */
class PasswordResetStorageTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00.123456Z");
    private static TestDatabase db;
    private static UserAccount account;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        account = db.inTransaction(em -> {
            Organisation police = new Organisation("Victim Care Unit", OrganisationKind.REFERRER);
            em.persist(police);
            UserAccount casey = new UserAccount(new EmailAddress("casey@example.org"), "Casey", Role.CASEWORKER, police, "hash");
            em.persist(casey);
            return casey;
        });
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void aTokenIsFoundByItsHashUsedOnceAndWithdrawnByANewerOne() throws Exception {
        PasswordResetToken first = new PasswordResetToken(account.id(), AccountService.hash("first"), NOW, NOW.plus(PasswordResets.VALIDITY));
        PasswordResetToken second = new PasswordResetToken(account.id(), AccountService.hash("second"), NOW, NOW.plus(PasswordResets.VALIDITY));
        db.inTransaction(em -> {
            new JpaPasswordResetTokenRepository(em).add(first);
            return null;
        });

        Optional<PasswordResetToken> found = db.inTransaction(
                em -> new JpaPasswordResetTokenRepository(em).findByHash(AccountService.hash("first")));
        assertThat(found).hasValueSatisfying(t -> assertThat(t.refusalAt(NOW)).isEmpty());
        db.inTransaction(em -> {
            JpaPasswordResetTokenRepository tokens = new JpaPasswordResetTokenRepository(em);
            tokens.withdrawUnused(account.id(), NOW);
            tokens.add(second);
            return null;
        });
        assertThat(markUsed(first)).as("withdrawn by the newer one").isFalse();
        assertThat(markUsed(second)).isTrue();
        assertThat(markUsed(second)).as("used once only").isFalse();

        try (Connection connection = db.jdbc(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT token_hash FROM password_reset_token")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).hasSize(64).isNotIn("first", "second");
            }
        }
    }

    @Test
    void theThrottleCountsPerKeyInFixedWindows() {
        Duration hour = Duration.ofHours(1);
        for (int i = 0; i < 3; i++) {
            assertThat(acquire("key-a", NOW.plusSeconds(i))).isTrue();
        }
        assertThat(acquire("key-a", NOW.plusSeconds(10))).isFalse();
        assertThat(acquire("key-b", NOW.plusSeconds(10))).isTrue();
        assertThat(acquire("key-a", NOW.plus(hour))).isTrue();
        assertThat(acquire("key-a", NOW.plus(hour).plusSeconds(1))).isTrue();
    }

    @Test
    void thePasswordsChangeIsKeptAsTheSessionsCutOff() {
        db.inTransaction(em -> {
            em.find(UserAccount.class, account.id()).changePassword("new-hash", NOW);
            return null;
        });

        UserAccount read = db.inTransaction(em -> em.find(UserAccount.class, account.id()));
        assertThat(read.acceptsSessionSignedInAt(NOW.minusSeconds(1))).isFalse();
        assertThat(read.acceptsSessionSignedInAt(NOW)).isTrue();
    }

    private static boolean markUsed(PasswordResetToken token) {
        Boolean used = db.inTransaction(em -> new JpaPasswordResetTokenRepository(em).markUsed(token.id(), NOW));
        return used;
    }

    private static boolean acquire(String key, Instant at) {
        Boolean acquired = db.inTransaction(em -> new JpaThrottle(em).tryAcquire(AccountService.hash(key), 3, Duration.ofHours(1), at));
        return acquired;
    }
}
