package org.waypoint.core.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;

/**
 * A fresh, migrated database for a persistence test, with core's entities on it outside the server
 * (the unit {@code waypoint-core} of core's test resources, built from the mapping file core's jar
 * gives the application's unit): embedded Derby in memory by default, PostgreSQL at 127.0.0.1:5432
 * (database {@code test}, schema {@code waypoint_core_test}, made anew) when the system property
 * {@code waypoint.test.db} is {@code postgresql}, as the Maven profile {@code postgresql} sets it.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String PG_SCHEMA = "waypoint_core_test";

    private final String url;
    private final String user;
    private final EntityManagerFactory factory;

    private TestDatabase(String url, String user) {
        this.url = url;
        this.user = user;
        Flyway.configure().dataSource(url, user, "")
                .placeholders(org.waypoint.core.shared.persistence.Migrations.placeholders(url)).locations("classpath:db/migration").load().migrate();
        this.factory = Persistence.createEntityManagerFactory("waypoint-core", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", "",
                "jakarta.persistence.validation.mode", "NONE",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "SEVERE",
                "eclipselink.connection-pool.default.max", "16"));
    }

    public static TestDatabase fresh() {
        return fresh(PG_SCHEMA);
    }

    /**
     * A second fresh database, apart from the one {@link #fresh()} gives (on PostgreSQL, a schema of
     * its own named after {@code name}): for a test that moves data from one database to another.
     */
    public static TestDatabase another(String name) {
        return fresh(PG_SCHEMA + "_" + name);
    }

    private static TestDatabase fresh(String schema) {
        if (isPostgres()) {
            String base = "jdbc:postgresql://127.0.0.1:5432/test";
            try (Connection connection = DriverManager.getConnection(base, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                statement.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL must answer at 127.0.0.1:5432 for the postgresql profile", e);
            }
            return new TestDatabase(base + "?currentSchema=" + schema, "postgres");
        }
        return new TestDatabase("jdbc:derby:memory:waypoint-" + UUID.randomUUID() + ";create=true", "waypoint");
    }

    public static boolean isPostgres() {
        return "postgresql".equals(System.getProperty("waypoint.test.db", "derby"));
    }

    /** Runs {@code work} in a transaction of its own entity manager and commits. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    public EntityManager entityManager() {
        return factory.createEntityManager();
    }

    /** A plain JDBC connection, to look at what is really stored. */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    @Override
    public void close() {
        factory.close();
    }
}
