package org.waypoint.core.directory.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** V2 on embedded Derby, over a directory that V1 already holds services in. */
class ServiceEligibilityMigrationTest {

    private static final String ORGANISATION = "00000000-0000-0000-0000-000000000001";
    private static final String SERVICE = "00000000-0000-0000-0000-000000000002";

    private String url;

    @BeforeEach
    void migrateToV1WithAService() throws SQLException {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        url = "jdbc:derby:memory:v2-" + UUID.randomUUID();
        flyway("1").migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO organisation (id, name, kind, version) VALUES ('" + ORGANISATION
                    + "', 'Harbour', 'PROVIDER', 0)");
            sql.executeUpdate("INSERT INTO support_service (id, organisation_id, name, description, capacity,"
                    + " referral_inbox, ack_target_days, version) VALUES ('" + SERVICE + "', '" + ORGANISATION
                    + "', 'Harbour Counselling', 'Counselling', 'OPEN', 'a@example.org', 2, 0)");
        }
    }

    @AfterEach
    void dropDatabase() {
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException dropped) {
            // Derby reports a dropped database as an exception.
        }
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url + ";create=true", null, null)
                .placeholders(org.waypoint.core.shared.persistence.Migrations.placeholders(url))
                .locations("classpath:db/migration").target(target).load();
    }

    @Test
    void givesServicesListedBeforeItTheDefaultsOfANewService() throws SQLException {
        flyway("2").migrate();

        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SELECT language_code FROM support_service_language WHERE service_id = '" + SERVICE + "'"))
                    .isEqualTo("en");
            assertThat(single(sql, "SELECT delivery_mode FROM support_service_delivery_mode WHERE service_id = '" + SERVICE + "'"))
                    .isEqualTo("IN_PERSON");
            assertThat(single(sql, "SELECT CAST(interpreters_available AS VARCHAR(5)) || '/'"
                    + " || CAST(confidential_location AS VARCHAR(5)) FROM support_service")).isEqualTo("false/false");
            assertThat(single(sql, "SELECT COUNT(*) FROM support_service WHERE min_age IS NULL AND max_age IS NULL"
                    + " AND public_address IS NULL AND capacity_note IS NULL")).isEqualTo("1");
        }
    }

    @Test
    void refusesAnAgeRangeTheWrongWayRound() throws SQLException {
        flyway("2").migrate();

        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE support_service SET min_age = 0, max_age = 17");
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> sql.executeUpdate("UPDATE support_service SET min_age = 18, max_age = 17"));
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            String value = rows.getString(1);
            assertThat(rows.next()).as(query).isFalse();
            return value;
        }
    }
}
