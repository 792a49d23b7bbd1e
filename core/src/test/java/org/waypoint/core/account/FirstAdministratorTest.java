package org.waypoint.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.persistence.JpaUserAccountRepository;
import org.waypoint.core.organisation.persistence.JpaOrganisationRepository;
import org.waypoint.core.testing.TestDatabase;

/**
 * A new installation has no account anybody could know the password of (ASVS V6.3.2): the migrations
 * make none, and start-up opens one only for the administrator the operator names in the settings.
 * The demo accounts, with their published password, come only with {@code WAYPOINT_DEMO=true} (web's
 * {@code DemoData}).
 */
class FirstAdministratorTest {

    private static TestDatabase db;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void aNewInstallationWithoutTheSettingsHasNoAccountAtAll() {
        assertThat(accounts()).as("after the migrations").isZero();

        db.inTransaction(em -> {
            new FirstAdministrator(Optional.empty(), Optional.empty(), new JpaUserAccountRepository(em),
                    new JpaOrganisationRepository(em), null).onSchemaReady(null);
            new FirstAdministrator(Optional.of("admin@example.org"), Optional.empty(), new JpaUserAccountRepository(em),
                    new JpaOrganisationRepository(em), null).onSchemaReady(null);
            return null;
        });
        assertThat(accounts()).as("after a start without a password for the first administrator").isZero();
    }

    private static long accounts() {
        return db.inTransaction(em -> em.createQuery("SELECT COUNT(a) FROM UserAccount a", Long.class).getSingleResult());
    }
}
