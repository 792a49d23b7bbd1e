package org.waypoint.core.referral.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** V15 on embedded Derby, over referrals that V12 already holds: each takes the time of its latest change. */
class ReferralUpdatedAtMigrationTest {

    private static final String ORGANISATION = "00000000-0000-0000-0000-000000000001";
    private static final String CLIENT = "00000000-0000-0000-0000-000000000002";
    private static final String WORKED = "00000000-0000-0000-0000-000000000003";
    private static final String UNTOUCHED = "00000000-0000-0000-0000-000000000004";

    private final String url = "jdbc:derby:memory:v15-" + UUID.randomUUID();

    @AfterEach
    void dropDatabase() {
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException dropped) {
            // Derby reports a dropped database as an exception.
        }
    }

    private Flyway flyway(String target) {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        return Flyway.configure().dataSource(url + ";create=true", null, null)
                .placeholders(org.waypoint.core.shared.persistence.Migrations.placeholders(url))
                .locations("classpath:db/migration").target(target).load();
    }

    @Test
    void aReferralTakesTheTimeOfItsLatestTimelineEntryOrElseOfItsCreation() throws SQLException {
        flyway("12").migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO organisation (id, name, kind, version) VALUES ('" + ORGANISATION
                    + "', 'Police', 'REFERRER', 0)");
            sql.executeUpdate("INSERT INTO client (id, organisation_id, duplicate_key, given_name, family_name,"
                    + " date_of_birth, gender, preferred_language, interpreter_needed, voicemail_allowed,"
                    + " service_may_identify, created_at, created_by, version) VALUES ('" + CLIENT + "', '"
                    + ORGANISATION + "', 'k', 'g', 'f', 'd', 'x', 'en', false, false, false,"
                    + " TIMESTAMP('2026-01-01 09:00:00'), '" + CLIENT + "', 0)");
            for (String referral : new String[] {WORKED, UNTOUCHED}) {
                sql.executeUpdate("INSERT INTO referral (id, client_id, referrer_user_id, referring_org_id, status,"
                        + " reported_to_police, created_at, version) VALUES ('" + referral + "', '" + CLIENT + "', '"
                        + CLIENT + "', '" + ORGANISATION + "', 'DRAFT', false, TIMESTAMP('2026-01-02 10:00:00'), 0)");
            }
            event(sql, WORKED, 0, "2026-01-02 10:00:00");
            event(sql, WORKED, 2, "2026-01-05 16:30:00");
            event(sql, WORKED, 1, "2026-01-03 11:00:00");
        }

        flyway("15").migrate();

        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            assertThat(updatedAt(sql, WORKED)).isEqualTo(LocalDateTime.parse("2026-01-05T16:30:00"));
            assertThat(updatedAt(sql, UNTOUCHED)).isEqualTo(LocalDateTime.parse("2026-01-02T10:00:00"));
        }
    }

    private static void event(Statement sql, String referral, int sequence, String at) throws SQLException {
        sql.executeUpdate("INSERT INTO referral_event (id, referral_id, occurred_at, sequence, actor_user_id, actor_org_id,"
                + " action, to_status) VALUES ('" + UUID.randomUUID() + "', '" + referral + "', TIMESTAMP('" + at + "'), "
                + sequence + ", '" + CLIENT + "', '" + ORGANISATION + "', 'UPDATE_DRAFT', 'DRAFT')");
    }

    private static LocalDateTime updatedAt(Statement sql, String referral) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT updated_at FROM referral WHERE id = '" + referral + "'")) {
            row.next();
            return row.getTimestamp(1).toLocalDateTime();
        }
    }
}
